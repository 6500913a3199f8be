package io.rtmtoken.format;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The services a 007 token can grant, with the privilege names and the fields each packs after its privileges,
 * in packing order.
 */
public enum ServiceType {

    RTC(1, "rtc", Map.of(1, "joinChannel", 2, "publishAudioStream", 3, "publishVideoStream", 4, "publishDataStream"),
            List.of(Field.string("channelName"), Field.string("uid"))),
    RTM(2, "rtm", Map.of(1, "login"), List.of(Field.string("userId"))),
    STREAMING(3, "streaming", Map.of(1, "publishMixStream", 2, "publishRawStream"),
            List.of(Field.string("channelName"), Field.string("uid"))),
    CHAT(5, "chat", Map.of(1, "user", 2, "app"), List.of(Field.string("userId"))),
    EDUCATION(6, "education", Map.of(1, "roomUser", 2, "user", 3, "app"),
            List.of(Field.string("roomUuid"), Field.string("userUuid"), Field.string("chatUserId"),
                    Field.int32("role")));

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

    /** A field packed after the privileges: a length-prefixed string or an int32. */
    record Field(String name, boolean isString) {

        static Field string(String name) {
            return new Field(name, true);
        }

        static Field int32(String name) {
            return new Field(name, false);
        }
    }
}
