package io.rtmtoken.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.zip.CRC32;

import io.rtmtoken.format.MalformedTokenException.Reason;

/**
 * An Agora access token of version 006, as Agora's {@code AccessToken} builds it.
 *
 * <p>Layout: {@code "006" + appId + base64(content)}; content = signature (uint16 length + bytes), uint32
 * crc32(channelName), uint32 crc32(uid), message (uint16 length + bytes); message = uint32 salt, uint32 ts (the
 * token's own expiry), privileges (uint16 count, then uint16 key and uint32 absolute expiry, ascending keys). The
 * signature is HMAC-SHA256 keyed by the App Certificate over appId + channelName + uid + message.
 *
 * @param appId the App ID in the token's prefix
 * @param signature the 32-byte HMAC-SHA256 signature
 * @param channelNameCrc crc32 of the channel name (the user account in RTM tokens)
 * @param uidCrc crc32 of the uid (of the empty string in RTM tokens)
 * @param salt the random salt
 * @param expireTs the token's own expiry field, Unix seconds
 * @param privileges privilege key to absolute expiry in Unix seconds
 * @param message the signed message bytes
 */
public record Token006(String appId, byte[] signature, long channelNameCrc, long uidCrc, long salt, long expireTs,
        SortedMap<Integer, Long> privileges, byte[] message) {

    public static final String VERSION = "006";

    /** Privilege key of RTM login in 006 tokens ({@code kRtmLogin}). */
    public static final int PRIVILEGE_RTM_LOGIN = 1000;

    private static final int PREFIX_LENGTH = VERSION.length() + AppCertificate.LENGTH;

    /** Builds a token exactly as Agora's {@code AccessToken.build()} does for the given salt and ts. */
    public static String build(String appId, AppCertificate certificate, String channelName, String uid, long salt,
            long expireTs, SortedMap<Integer, Long> privileges) {
        requireAppId(appId);
        byte[] appIdBytes = appId.getBytes(StandardCharsets.US_ASCII);
        byte[] channelNameBytes = channelName.getBytes(StandardCharsets.UTF_8);
        byte[] uidBytes = uid.getBytes(StandardCharsets.UTF_8);

        PackWriter message = new PackWriter(4 + 4 + 2 + 6 * privileges.size())
                .putUint32(salt)
                .putUint32(expireTs)
                .putUint16(privileges.size());
        for (Map.Entry<Integer, Long> privilege : privileges.entrySet()) {
            message.putUint16(privilege.getKey()).putUint32(privilege.getValue());
        }
        byte[] messageBytes = message.toByteArray();

        byte[] signature = certificate.sign(concat(appIdBytes, channelNameBytes, uidBytes, messageBytes));

        byte[] content = new PackWriter(PackWriter.sizeOfBytes(signature.length) + 4 + 4
                + PackWriter.sizeOfBytes(messageBytes.length))
                .putBytes(signature)
                .putUint32(crc32(channelNameBytes))
                .putUint32(crc32(uidBytes))
                .putBytes(messageBytes)
                .toByteArray();
        return TokenEncoding.prefixAndBase64(VERSION + appId, content);
    }

    /**
     * Parses a 006 token without verifying it.
     *
     * @throws MalformedTokenException saying what is wrong, when the string is not a well-formed 006 token
     */
    public static Token006 parse(String token) {
        TokenEncoding.requireVersion(token, VERSION);
        if (token.length() < PREFIX_LENGTH) {
            throw new MalformedTokenException(Reason.TRUNCATED, "a 006 token carries a 32-character App ID after "
                    + "its version, but the token has only " + token.length() + " characters");
        }
        String appId = token.substring(VERSION.length(), PREFIX_LENGTH);
        if (!AppCertificate.isHex32(appId)) {
            throw new MalformedTokenException(Reason.BAD_APP_ID,
                    "the App ID after the version is not 32 hexadecimal characters");
        }
        PackReader content = new PackReader(TokenEncoding.decodeBase64(token, PREFIX_LENGTH));

        byte[] signature = content.readBytes();
        long channelNameCrc = content.readUint32();
        long uidCrc = content.readUint32();
        byte[] messageBytes = content.readBytes();
        content.requireEnd();

        PackReader message = new PackReader(messageBytes);
        long salt = message.readUint32();
        long expireTs = message.readUint32();
        SortedMap<Integer, Long> privileges = message.readPrivileges();
        message.requireEnd();
        return new Token006(appId, signature, channelNameCrc, uidCrc, salt, expireTs, privileges, messageBytes);
    }

    /** Tells whether the token's channel-name CRC is that of the given value (the user account in RTM tokens). */
    public boolean channelNameMatches(String channelName) {
        return crc32(channelName.getBytes(StandardCharsets.UTF_8)) == channelNameCrc;
    }

    /**
     * Tells whether the certificate signed this token for the channel name and uid, and the token's CRCs (which the
     * signature does not cover) are theirs. The signature is compared in constant time.
     */
    public boolean verify(AppCertificate certificate, String channelName, String uid) {
        boolean crcsMatch = channelNameMatches(channelName) && crc32(uid.getBytes(StandardCharsets.UTF_8)) == uidCrc;
        byte[] expected = certificate.sign(concat(appId.getBytes(StandardCharsets.US_ASCII),
                channelName.getBytes(StandardCharsets.UTF_8), uid.getBytes(StandardCharsets.UTF_8), message));
        return MessageDigest.isEqual(expected, signature) && crcsMatch;
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public byte[] message() {
        return message.clone();
    }

    /** Two parsed tokens are equal when their signatures and signed messages are, byte for byte. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Token006 token && appId.equals(token.appId)
                && channelNameCrc == token.channelNameCrc && uidCrc == token.uidCrc
                && Arrays.equals(signature, token.signature) && Arrays.equals(message, token.message);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(signature) + Arrays.hashCode(message);
    }

    static void requireAppId(String appId) {
        if (!AppCertificate.isHex32(appId)) {
            throw new IllegalArgumentException("an App ID must be 32 hexadecimal characters");
        }
    }

    static long crc32(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }

    private static byte[] concat(byte[] first, byte[] second, byte[] third, byte[] fourth) {
        byte[] joined = new byte[first.length + second.length + third.length + fourth.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        System.arraycopy(third, 0, joined, first.length + second.length, third.length);
        System.arraycopy(fourth, 0, joined, first.length + second.length + third.length, fourth.length);
        return joined;
    }
}
