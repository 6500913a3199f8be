package io.rtmtoken.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * An authorization server for tests: fresh RS256 and ES256 keys, their public JWK set served over HTTP on
 * 127.0.0.1, and a builder for signed (or deliberately broken) access tokens.
 */
final class TestAuthorizationServer implements AutoCloseable {

    static final String ISSUER = "https://login.rtm-token.test";

    static final String AUDIENCE = "rtm-token-service";

    private final RSAKey rsaKey;

    private final ECKey ecKey;

    /** A key with the RSA key's id that the JWK set does not hold: its signatures must fail. */
    private final RSAKey impostorKey;

    private final HttpServer server;

    private TestAuthorizationServer(RSAKey rsaKey, ECKey ecKey, RSAKey impostorKey, HttpServer server) {
        this.rsaKey = rsaKey;
        this.ecKey = ecKey;
        this.impostorKey = impostorKey;
        this.server = server;
    }

    static TestAuthorizationServer start() {
        try {
            RSAKey rsaKey = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
            ECKey ecKey = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
            RSAKey impostorKey = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
            byte[] jwkSet = new JWKSet(List.<JWK>of(rsaKey, ecKey)).toPublicJWKSet().toString()
                    .getBytes(StandardCharsets.UTF_8);

            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwkSet.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwkSet);
                }
            });
            server.start();
            return new TestAuthorizationServer(rsaKey, ecKey, impostorKey, server);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** Adds the properties that point jwt mode at this server. */
    void register(DynamicPropertyRegistry registry) {
        registry.add("rtm-token.auth.mode", () -> "jwt");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", this::jwkSetUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
        registry.add("spring.security.oauth2.resourceserver.jwt.jws-algorithms", () -> "RS256,ES256");
    }

    /** A valid token for the subject, issued now for five minutes. */
    Token token(String subject) {
        Instant now = Instant.now();
        return new Token(new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Claims to adjust, then sign. */
    final class Token {

        private final JWTClaimsSet.Builder claims;

        private Token(JWTClaimsSet.Builder claims) {
            this.claims = claims;
        }

        Token claim(String name, Object value) {
            claims.claim(name, value);
            return this;
        }

        Token scope(String scope) {
            return claim("scope", scope);
        }

        Token expiresAt(Instant expiresAt) {
            claims.expirationTime(Date.from(expiresAt));
            return this;
        }

        Token notBefore(Instant notBefore) {
            claims.notBeforeTime(Date.from(notBefore));
            return this;
        }

        String rs256() {
            return sign(JWSAlgorithm.RS256, rsaKey.getKeyID(), rsaKey);
        }

        String es256() {
            return sign(JWSAlgorithm.ES256, ecKey.getKeyID(), ecKey);
        }

        /** Signed by a key the JWK set does not hold, under the id of one it does. */
        String rs256WithImpostorKey() {
            return sign(JWSAlgorithm.RS256, impostorKey.getKeyID(), impostorKey);
        }

        /** Signed by the real key, but naming a key id the JWK set does not hold. */
        String rs256WithUnknownKeyId() {
            return sign(JWSAlgorithm.RS256, "rsa-unknown", rsaKey);
        }

        /** Not signed at all ({@code alg: none}). */
        String unsigned() {
            return new PlainJWT(claims.build()).serialize();
        }

        private String sign(JWSAlgorithm algorithm, String keyId, JWK key) {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId)
                        .type(JOSEObjectType.JWT).build(), claims.build());
                jwt.sign(key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key));
                return jwt.serialize();
            }
            catch (JOSEException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }
}
