package io.rtmtoken.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The known-answer vectors in {@code rtm-tokens.json}, produced by two independent Agora token implementations. */
record TokenVectors(String appId, String appCertificate, String userAccount, long salt, long ts,
        long privilegeExpiredTs, String token006, long issueTs, long expire, String token007,
        String token007InflatedHex) {

    static List<TokenVectors> load() {
        try (InputStream json = TokenVectors.class.getResourceAsStream("/rtm-tokens.json")) {
            List<TokenVectors> vectors = new ArrayList<>();
            for (JsonNode node : JsonMapper.builder().build().readTree(json).get("vectors")) {
                vectors.add(new TokenVectors(node.get("appId").asString(), node.get("appCertificate").asString(),
                        node.get("userAccount").asString(), node.get("salt").asLong(), node.get("ts").asLong(),
                        node.get("privilegeExpiredTs").asLong(), node.get("token006").asString(),
                        node.get("issueTs").asLong(), node.get("expire").asLong(), node.get("token007").asString(),
                        node.get("token007InflatedHex").asString()));
            }
            return vectors;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    AppCertificate certificate() {
        return AppCertificate.of(appCertificate);
    }

    @Override
    public String toString() {
        return "user '" + userAccount + "', salt " + salt;
    }
}
