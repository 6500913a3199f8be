package io.rtmtoken.format;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;

import javax.crypto.Mac;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Token building, parsing and verification beside their floors: one HMAC-SHA256 over as many bytes as a 006
 * signature covers, and one zlib deflate of a 007 token's content with a reused {@link Deflater}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class TokenBenchmark {

    private static final String APP_ID = "970CA35de60c44645bbae8a215061b33";

    private static final String USER_ACCOUNT = "user-2882341273";

    private static final long ISSUE_TS = 1_796_299_200L;

    private static final long EXPIRE_SECONDS = 3600;

    private AppCertificate certificate;

    private Mac keyedMac;

    private byte[] signed006;

    private Deflater deflater;

    /** Contents of 007 tokens with different salts and so different signatures, compressed in turn. */
    private byte[][] contents007;

    private byte[] deflated007;

    private String token006;

    private String token007;

    private int salt;

    @Setup
    public void setUp() {
        certificate = AppCertificate.of("5CFd2fd1755d40ecb72977518be15d3b");
        keyedMac = HmacSha256.keyed("5CFd2fd1755d40ecb72977518be15d3b".getBytes(StandardCharsets.US_ASCII));

        // A 006 signature covers the App ID, the user account, an empty uid and a 16-byte message.
        signed006 = new byte[APP_ID.length() + USER_ACCOUNT.length() + 16];

        token006 = build006();
        token007 = build007();
        contents007 = new byte[256][];
        for (int i = 0; i < contents007.length; i++) {
            String token = RtmTokens.build007(APP_ID, certificate, USER_ACCOUNT, ISSUE_TS, EXPIRE_SECONDS, i + 1);
            contents007[i] = TokenEncoding.inflate(TokenEncoding.decodeBase64(token, Token007.VERSION.length()));
        }
        deflater = new Deflater();
        deflated007 = new byte[contents007[0].length + 64];
    }

    @Benchmark
    public byte[] hmacSha256Floor() {
        signed006[0] = (byte) nextSalt();
        return keyedMac.doFinal(signed006);
    }

    /** Deflates a different token's content each time: repeating one input lets the CPU learn its branches. */
    @Benchmark
    public int deflateFloor() {
        deflater.reset();
        deflater.setInput(contents007[nextSalt() & (contents007.length - 1)]);
        deflater.finish();
        return deflater.deflate(deflated007);
    }

    @Benchmark
    public String build006() {
        return RtmTokens.build006(APP_ID, certificate, USER_ACCOUNT, nextSalt(),
                ISSUE_TS + RtmTokens.TOKEN_006_TS_OFFSET_SECONDS, ISSUE_TS + EXPIRE_SECONDS);
    }

    @Benchmark
    public String build007() {
        return RtmTokens.build007(APP_ID, certificate, USER_ACCOUNT, ISSUE_TS, EXPIRE_SECONDS, nextSalt());
    }

    @Benchmark
    public boolean parseAndVerify006() {
        return Token006.parse(token006).verify(certificate, USER_ACCOUNT, "");
    }

    @Benchmark
    public boolean parseAndVerify007() {
        return Token007.parse(token007).verify(certificate);
    }

    /** Salts as the service draws them, 1 to 99,999,999, so each call signs different bytes. */
    private int nextSalt() {
        salt = salt == 99_999_999 ? 1 : salt + 1;
        return salt;
    }
}
