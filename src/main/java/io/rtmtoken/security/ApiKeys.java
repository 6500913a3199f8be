package io.rtmtoken.security;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.commons.codec.digest.DigestUtils;

/** The accepted API keys, held only as SHA-256 hashes and matched in constant time. */
final class ApiKeys {

    private static final String PREFIX = "rtm-token.auth.api-keys.";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private final Map<String, byte[]> hashesByName;

    private ApiKeys(Map<String, byte[]> hashesByName) {
        this.hashesByName = hashesByName;
    }

    /**
     * Parses the configured hashes.
     *
     * @throws InvalidAuthConfigurationException when there are none, or a name or hash is malformed or repeated
     */
    static ApiKeys from(Map<String, String> configured) {
        if (configured.isEmpty()) {
            throw new InvalidAuthConfigurationException(PREFIX + "<name>", "api-key mode needs at least one key:"
                    + " set " + PREFIX + "<name> (env RTMTOKEN_AUTH_APIKEYS_<NAME>) to the SHA-256 hash of the key"
                    + " as 64 hexadecimal characters.");
        }
        Map<String, byte[]> hashesByName = new LinkedHashMap<>();
        Map<String, String> namesByHash = new LinkedHashMap<>();
        configured.forEach((name, hash) -> {
            String trimmed = hash == null ? "" : hash.strip();
            if (!NAME.matcher(name).matches()) {
                throw new InvalidAuthConfigurationException(PREFIX + name, "API key names must be 1 to 64 letters,"
                        + " digits, '-' or '_'; '" + name + "' is not.");
            }
            if (!SHA256_HEX.matcher(trimmed).matches()) {
                throw new InvalidAuthConfigurationException(PREFIX + name, PREFIX + name + " must be the SHA-256"
                        + " hash of the key as 64 hexadecimal characters, not the key itself; the value given has "
                        + trimmed.length() + " characters.");
            }
            String other = namesByHash.putIfAbsent(trimmed.toLowerCase(), name);
            if (other != null) {
                throw new InvalidAuthConfigurationException(PREFIX + name, "API keys " + other + " and " + name
                        + " have the same hash; give every caller its own key.");
            }
            hashesByName.put(name, HexFormat.of().parseHex(trimmed));
        });
        return new ApiKeys(Map.copyOf(hashesByName));
    }

    /** Returns the name of the key, comparing its hash with every configured hash in constant time. */
    Optional<String> nameOf(String presentedKey) {
        byte[] presentedHash = sha256(presentedKey);
        String match = null;
        for (Map.Entry<String, byte[]> entry : hashesByName.entrySet()) {
            if (MessageDigest.isEqual(presentedHash, entry.getValue())) {
                match = entry.getKey();
            }
        }
        return Optional.ofNullable(match);
    }

    Iterable<String> names() {
        return hashesByName.keySet();
    }

    /** SHA-256 of the key's UTF-8 bytes, as {@code printf %s "$key" | sha256sum} computes it. */
    static byte[] sha256(String key) {
        return DigestUtils.sha256(key);
    }

    @Override
    public String toString() {
        return "ApiKeys" + hashesByName.keySet();
    }
}
