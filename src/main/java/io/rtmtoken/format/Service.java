package io.rtmtoken.format;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One service in a 007 token.
 *
 * @param type the service type code (2 for RTM)
 * @param privileges privilege key to lifetime in seconds, counted from the token's issue time
 * @param fields the service's fields after its privileges, in packing order: {@code String} or {@code Integer}
 *     values; empty for a type this library does not know, whose fields cannot be read
 */
public record Service(int type, SortedMap<Integer, Long> privileges, Map<String, Object> fields) {

    /** Privilege key of RTM login in 007 tokens. */
    public static final int PRIVILEGE_RTM_LOGIN = 1;

    public Service {
        privileges = Collections.unmodifiableSortedMap(new TreeMap<>(privileges));
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The RTM service granting login to the user for the lifetime. */
    public static Service rtm(String userId, long loginExpireSeconds) {
        return new Service(ServiceType.RTM.code(), new TreeMap<>(Map.of(PRIVILEGE_RTM_LOGIN, loginExpireSeconds)),
                Map.of("userId", userId));
    }

    /** Returns the string field of the given name, or null. */
    public String stringField(String name) {
        return fields.get(name) instanceof String value ? value : null;
    }
}
