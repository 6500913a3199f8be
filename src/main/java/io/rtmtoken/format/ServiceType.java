package io.rtmtoken.format;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The services a 007 token can grant, as Agora's current {@code AccessToken2} defines them: the privilege names and
 * the fields each packs after its privileges, in packing order.
 */
public enum ServiceType {

    RTC(1, "rtc", Map.of(1, "joinChannel", 2, "publishAudioStream", 3, "publishVideoStream", 4, "publishDataStream"),
            List.of(Field.string("channelName"), Field.string("uid"))),
    RTM(2, "rtm", Map.of(1, "login"), List.of(Field.string("userId"))),
    STREAMING(3, "streaming", Map.of(1, "publishMixStream", 2, "publishRawStream"),
            List.of(Field.string("channelName"), Field.string("account"))),
    FPA(4, "fpa", Map.of(1, "login"), List.of()),
    CHAT(5, "chat", Map.of(1, "user", 2, "app"), List.of(Field.string("userId"))),
    FCDN(6, "fcdn", Map.of(1, "publish", 2, "play"), List.of(Field.string("channelName"), Field.string("account"))),
    APAAS(7, "apaas", Map.of(1, "roomUser", 2, "user", 3, "app"),
            List.of(Field.string("roomUuid"), Field.string("userUuid"), new Field("role", FieldKind.INT16))),
    RTM2(8, "rtm2", Map.of(1, "login"),
            List.of(Field.string("userId"), new Field("permissions", FieldKind.RTM2_PERMISSIONS)));

    private final int code;

    private final String displayName;

    private final Map<Integer, String> privilegeNames;

    private final List<Field> fields;

    ServiceType(int code, String displayName, Map<Integer, String> privilegeNames, List<Field> fields) {
        this.code = code;
        this.displayName = displayName;
        this.privilegeNames = privilegeNames;
        this.fields = fields;
    }

    /** Returns the service type of a code, or empty for a code this library does not know. */
    public static Optional<ServiceType> of(int code) {
        for (ServiceType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public int code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    /** Returns the privilege's name, or its number as text when it has none. */
    public String privilegeName(int privilege) {
        return privilegeNames.getOrDefault(privilege, Integer.toString(privilege));
    }

    List<Field> fields() {
        return fields;
    }

    /**
     * How a field is packed: a length-prefixed string ({@code String}), an int16 ({@code Integer}), or RTM2's
     * permissions: uint16 count of resource types, each with uint16 type and uint16 count of permissions, each with
     * uint16 permission and uint16 count of resource strings ({@code Map<Integer, Map<Integer, List<String>>>}).
     */
    enum FieldKind {
        STRING,
        INT16,
        RTM2_PERMISSIONS
    }

    /** A field packed after the privileges. */
    record Field(String name, FieldKind kind) {

        static Field string(String name) {
            return new Field(name, FieldKind.STRING);
        }
    }
}
