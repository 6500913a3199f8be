package io.rtmtoken.format;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import io.rtmtoken.format.MalformedTokenException.Reason;

/**
 * An Agora access token of version 007, as Agora's {@code AccessToken2} builds it.
 *
 * <p>Layout: {@code "007" + base64(zlib(signature (uint16 length + bytes) + signingInfo))}; signingInfo = appId
 * (uint16 length + bytes), uint32 issueTs, uint32 expire (seconds), uint32 salt, uint16 service count, then each
 * service in ascending type: uint16 type, privileges (uint16 count, then uint16 key and uint32 seconds), and the
 * type's fields. The signing key is HMAC-SHA256(key = uint32 salt, data = HMAC-SHA256(key = uint32 issueTs, data =
 * App Certificate)); the signature is HMAC-SHA256(signing key, signingInfo).
 *
 * @param signature the 32-byte HMAC-SHA256 signature
 * @param appId the App ID
 * @param issueTs issue time, Unix seconds
 * @param expireSeconds the token's lifetime from its issue time
 * @param salt the random salt
 * @param serviceCount the number of services the token declares
 * @param services the services read, in token order; after a type this library does not know, the rest cannot
 *     be read, so the list ends with that type and may be shorter than {@code serviceCount}
 * @param signingInfo the signed bytes
 */
public record Token007(byte[] signature, String appId, long issueTs, long expireSeconds, long salt, int serviceCount,
        List<Service> services, byte[] signingInfo) {

    public static final String VERSION = "007";

    private static final int UINT32_SIZE = 4;

    /** The signature with its uint16 length. */
    private static final int SIGNATURE_FIELD_SIZE = PackWriter.sizeOfBytes(HmacSha256.SIZE_IN_BYTES);

    /** App ID, issue time, lifetime, salt and service count. */
    private static final int SIGNING_INFO_HEADER_SIZE = PackWriter.sizeOfBytes(AppCertificate.LENGTH)
            + 3 * UINT32_SIZE + 2;

    /** Builds a token exactly as Agora's {@code AccessToken2.build()} does for the given issue time and salt. */
    public static String build(String appId, AppCertificate certificate, long issueTs, long expireSeconds, long salt,
            List<Service> services) {
        Token006.requireAppId(appId);
        List<Service> sortedServices = new ArrayList<>(services);
        sortedServices.sort(Comparator.comparingInt(Service::type));

        int contentLength = SIGNATURE_FIELD_SIZE + signingInfoSize(sortedServices);
        byte[] content = BuildBuffers.get().packed(contentLength);
        PackWriter signingInfo = packHeader(content, appId, issueTs, expireSeconds, salt, sortedServices.size());
        for (Service service : sortedServices) {
            packService(signingInfo, service);
        }
        return signAndEncode(certificate, issueTs, salt, content, contentLength, signingInfo.position());
    }

    /** Builds the token {@link #build} builds for the RTM service alone, without going through {@link Service}. */
    static String buildRtm(String appId, AppCertificate certificate, long issueTs, long expireSeconds, long salt,
            String userId) {
        Token006.requireAppId(appId);
        int contentLength = SIGNATURE_FIELD_SIZE + SIGNING_INFO_HEADER_SIZE + 2 + 2 + 6
                + PackWriter.sizeOfBytes(PackWriter.utf8Length(userId));
        byte[] content = BuildBuffers.get().packed(contentLength);
        PackWriter signingInfo = packHeader(content, appId, issueTs, expireSeconds, salt, 1)
                .putUint16(ServiceType.RTM.code())
                .putUint16(1)
                .putUint16(Service.PRIVILEGE_RTM_LOGIN)
                .putUint32(expireSeconds)
                .putString(userId);
        return signAndEncode(certificate, issueTs, salt, content, contentLength, signingInfo.position());
    }

    /**
     * Parses a 007 token without verifying it.
     *
     * @throws MalformedTokenException saying what is wrong, when the string is not a well-formed 007 token
     */
    public static Token007 parse(String token) {
        TokenEncoding.requireVersion(token, VERSION);
        byte[] content = TokenEncoding.inflate(TokenEncoding.decodeBase64(token, VERSION.length()));
        PackReader reader = new PackReader(content);

        byte[] signature = reader.readBytes();
        int signingInfoOffset = reader.position();
        String appId = reader.readString();
        long issueTs = reader.readUint32();
        long expireSeconds = reader.readUint32();
        long salt = reader.readUint32();
        int serviceCount = reader.readUint16();

        List<Service> services = new ArrayList<>();
        boolean allServicesRead = true;
        for (int i = 0; i < serviceCount && allServicesRead; i++) {
            Service service = readService(reader);
            services.add(service);
            allServicesRead = ServiceType.of(service.type()).isPresent();
        }
        if (allServicesRead) {
            reader.requireEnd();
        }
        byte[] signingInfo = Arrays.copyOfRange(content, signingInfoOffset, content.length);
        return new Token007(signature, appId, issueTs, expireSeconds, salt, serviceCount,
                Collections.unmodifiableList(services), signingInfo);
    }

    /** Tells, in constant time, whether the certificate signed this token. */
    public boolean verify(AppCertificate certificate) {
        byte[] expected = HmacSha256.sign(signingKey(certificate, issueTs, salt), signingInfo);
        return MessageDigest.isEqual(expected, signature);
    }

    /** Returns the first service of the type, if the token carries it. */
    public Optional<Service> service(ServiceType type) {
        return services.stream().filter(service -> service.type() == type.code()).findFirst();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public byte[] signingInfo() {
        return signingInfo.clone();
    }

    /** Two parsed tokens are equal when their signatures and signed content are, byte for byte. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Token007 token && Arrays.equals(signature, token.signature)
                && Arrays.equals(signingInfo, token.signingInfo);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(signature) + Arrays.hashCode(signingInfo);
    }

    private static byte[] signingKey(AppCertificate certificate, long issueTs, long salt) {
        return HmacSha256.sign(uint32(salt), certificate.issueKey(issueTs));
    }

    /** Packs the signing info's fields before the services, leaving room for the signature in front of them. */
    private static PackWriter packHeader(byte[] content, String appId, long issueTs, long expireSeconds, long salt,
            int serviceCount) {
        return new PackWriter(content, SIGNATURE_FIELD_SIZE)
                .putString(appId)
                .putUint32(issueTs)
                .putUint32(expireSeconds)
                .putUint32(salt)
                .putUint16(serviceCount);
    }

    /** Signs the packed signing info, puts the signature in front of it, then compresses and encodes both. */
    private static String signAndEncode(AppCertificate certificate, long issueTs, long salt, byte[] content,
            int contentLength, int packedLength) {
        if (packedLength != contentLength) {
            throw new IllegalStateException("packed " + packedLength + " of " + contentLength + " bytes");
        }
        BuildBuffers buffers = BuildBuffers.get();
        new PackWriter(buffers.uint32, 0).putUint32(salt);
        byte[] issueKey = certificate.issueKey(issueTs);
        HmacSha256.sign(buffers.uint32, issueKey, 0, issueKey.length, buffers.signingKey, 0);

        new PackWriter(content, 0).putUint16(HmacSha256.SIZE_IN_BYTES);
        HmacSha256.sign(buffers.signingKey, content, SIGNATURE_FIELD_SIZE, contentLength - SIGNATURE_FIELD_SIZE,
                content, 2);
        return TokenEncoding.prefixAndBase64(VERSION, null, TokenEncoding.deflate(content, 0, contentLength));
    }

    private static byte[] uint32(long value) {
        return new PackWriter(UINT32_SIZE).putUint32(value).toByteArray();
    }

    private static int signingInfoSize(List<Service> services) {
        int size = SIGNING_INFO_HEADER_SIZE;
        for (Service service : services) {
            PackSink.Counter counter = new PackSink.Counter();
            packFields(counter, service);
            size += 2 + 2 + 6 * service.privileges().size() + counter.sizeInBytes();
        }
        return size;
    }

    private static void packService(PackWriter writer, Service service) {
        writer.putUint16(service.type()).putUint16(service.privileges().size());
        for (Map.Entry<Integer, Long> privilege : service.privileges().entrySet()) {
            writer.putUint16(privilege.getKey()).putUint32(privilege.getValue());
        }
        packFields(writer, service);
    }

    /** Packs the service's own fields, or only counts their size when given a {@link PackSink.Counter}. */
    @SuppressWarnings("unchecked")
    private static void packFields(PackSink writer, Service service) {
        ServiceType type = ServiceType.of(service.type()).orElseThrow(
                () -> new IllegalArgumentException("cannot pack unknown service type " + service.type()));
        for (ServiceType.Field field : type.fields()) {
            Object value = service.fields().get(field.name());
            switch (field.kind()) {
                case STRING -> writer.putString(requireField(type, field, value, String.class));
                case INT16 -> writer.putUint16(requireField(type, field, value, Integer.class));
                case RTM2_PERMISSIONS -> packPermissions(writer, requireField(type, field, value, Map.class));
            }
        }
    }

    private static void packPermissions(PackSink writer, Map<Integer, Map<Integer, List<String>>> permissions) {
        writer.putUint16(permissions.size());
        for (Map.Entry<Integer, Map<Integer, List<String>>> resourceType : new TreeMap<>(permissions).entrySet()) {
            writer.putUint16(resourceType.getKey()).putUint16(resourceType.getValue().size());
            for (Map.Entry<Integer, List<String>> permission : new TreeMap<>(resourceType.getValue()).entrySet()) {
                writer.putUint16(permission.getKey()).putUint16(permission.getValue().size());
                permission.getValue().forEach(writer::putString);
            }
        }
    }

    private static <T> T requireField(ServiceType type, ServiceType.Field field, Object value, Class<T> kind) {
        if (!kind.isInstance(value)) {
            throw new IllegalArgumentException("service " + type.displayName() + " needs field " + field.name());
        }
        return kind.cast(value);
    }

    private static Service readService(PackReader reader) {
        int type = reader.readUint16();
        Optional<ServiceType> known = ServiceType.of(type);
        if (known.isEmpty()) {
            return new Service(type, Collections.emptySortedMap(), Map.of());
        }
        SortedMap<Integer, Long> privileges = reader.readPrivileges();
        Map<String, Object> fields = new LinkedHashMap<>();
        for (ServiceType.Field field : known.get().fields()) {
            fields.put(field.name(), switch (field.kind()) {
                case STRING -> reader.readString();
                case INT16 -> (int) (short) reader.readUint16();
                case RTM2_PERMISSIONS -> readPermissions(reader);
            });
        }
        return new Service(type, privileges, fields);
    }

    /** Reads RTM2 permissions; every count is bounded by the bytes left, since each entry takes at least 2. */
    private static Map<Integer, Map<Integer, List<String>>> readPermissions(PackReader reader) {
        Map<Integer, Map<Integer, List<String>>> permissions = new TreeMap<>();
        int resourceTypeCount = reader.readUint16();
        for (int i = 0; i < resourceTypeCount; i++) {
            Map<Integer, List<String>> byPermission = permissions.computeIfAbsent(reader.readUint16(),
                    key -> new TreeMap<>());
            int permissionCount = reader.readUint16();
            for (int j = 0; j < permissionCount; j++) {
                int permission = reader.readUint16();
                int resourceCount = reader.readUint16();
                List<String> resources = new ArrayList<>();
                for (int k = 0; k < resourceCount; k++) {
                    resources.add(reader.readString());
                }
                byPermission.put(permission, List.copyOf(resources));
            }
        }
        return Collections.unmodifiableMap(permissions);
    }
}
