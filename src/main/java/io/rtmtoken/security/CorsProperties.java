package io.rtmtoken.security;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Cross-origin access for browser apps, bound from {@code rtm-token.cors.*}.
 *
 * @param allowedOrigins origins ({@code https://app.example.com}, no path) whose pages may call the token API; empty
 *     means no cross-origin access
 */
@ConfigurationProperties("rtm-token.cors")
public record CorsProperties(List<String> allowedOrigins) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        for (String origin : allowedOrigins) {
            if (!isOrigin(origin)) {
                throw new IllegalArgumentException("rtm-token.cors.allowed-origins entry '" + origin + "' must be"
                        + " an origin: scheme://host[:port] with no path, such as https://app.example.com");
            }
        }
    }

    private static boolean isOrigin(String origin) {
        try {
            URI uri = new URI(origin);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawPath().isEmpty() && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
        }
        catch (java.net.URISyntaxException ex) {
            return false;
        }
    }
}
