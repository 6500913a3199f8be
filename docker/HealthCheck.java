import java.net.HttpURLConnection;
import java.net.URI;

/**
 * Container health probe: exits 0 when the actuator health endpoint on the loopback management port answers 200.
 * Uses only java.base so it runs on any JRE image without curl or a shell.
 */
public final class HealthCheck {

    private static final int TIMEOUT_MILLIS = 3000;

    private HealthCheck() {
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("MANAGEMENT_SERVER_PORT", "8081");
        String path = args.length > 0 ? args[0] : "/actuator/health";
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            int status = connection.getResponseCode();
            connection.disconnect();
            if (status == 200) {
                System.exit(0);
            }
            System.err.println("health endpoint " + path + " answered " + status);
        } catch (Exception e) {
            System.err.println("health endpoint " + path + " unreachable: " + e);
        }
        System.exit(1);
    }
}
