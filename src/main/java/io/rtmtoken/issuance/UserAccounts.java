package io.rtmtoken.issuance;

/** Agora's rule for RTM user IDs: 1 to 64 bytes of letters, digits, space and listed punctuation, not all spaces. */
public final class UserAccounts {

    /** Longest user account, in bytes (every allowed character is one byte). */
    public static final int MAX_LENGTH = 64;

    /** The rule, as told to callers. */
    public static final String RULE = "1 to 64 characters from a-z, A-Z, 0-9, space and"
            + " ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~ , and not only spaces";

    private static final String PUNCTUATION = " !#$%&()+-:;<=.>?@[]^_{}|~,";

    private static final boolean[] ALLOWED = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ALLOWED[c] = true;
            ALLOWED[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            ALLOWED[c] = true;
        }
        for (char c : PUNCTUATION.toCharArray()) {
            ALLOWED[c] = true;
        }
    }

    private UserAccounts() {
    }

    /** Tells whether the value is a valid RTM user account. */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        boolean onlySpaces = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= ALLOWED.length || !ALLOWED[c]) {
                return false;
            }
            onlySpaces &= c == ' ';
        }
        return !onlySpaces;
    }
}
