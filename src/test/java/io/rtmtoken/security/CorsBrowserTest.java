package io.rtmtoken.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

/**
 * CORS in a real browser: headless Chromium loads a page from a second origin whose script fetches a token from the
 * service. From the allowed origin the script reads the token; from another origin the fetch fails and the service
 * mints nothing. Skipped when no Chromium is installed ({@code apt-get install -y chromium}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"management.server.port=-1",
        "agora.app-id=0123456789abcdef0123456789abcdef", "agora.app-certificate=fedcba9876543210fedcba9876543210",
        "rtm-token.auth.mode=none"})
@ExtendWith(OutputCaptureExtension.class)
class CorsBrowserTest {

    private static final long BROWSER_TIMEOUT_SECONDS = 90;

    private static final HttpServer allowedSite = pageServer();

    private static final HttpServer foreignSite = pageServer();

    /** The service's port, known once it has started; the pages read it when served. */
    private static volatile int apiPort;

    @LocalServerPort
    private int port;

    @TempDir
    private Path browserProfile;

    @DynamicPropertySource
    static void allowedOrigin(DynamicPropertyRegistry registry) {
        registry.add("rtm-token.cors.allowed-origins", () -> originOf(allowedSite));
    }

    /** Skips each test, visibly, when there is no browser to drive. */
    @BeforeEach
    void requireChromiumAndPublishApiPort() {
        Assumptions.assumeTrue(chromiumBinary() != null, "Chromium is not installed");
        apiPort = port;
    }

    @AfterAll
    static void stopSites() {
        allowedSite.stop(0);
        foreignSite.stop(0);
    }

    @Test
    void fetchWhenPageIsFromAllowedOriginThenScriptReadsTheToken() throws Exception {
        String dom = browse(originOf(allowedSite) + "/");

        assertThat(dom).contains("<pre id=\"result\">status=200 token=006</pre>");
    }

    @Test
    void fetchWhenPageIsFromForeignOriginThenBlockedAndNothingMinted(CapturedOutput output) throws Exception {
        String dom = browse(originOf(foreignSite) + "/");

        assertThat(dom).contains("<pre id=\"result\">blocked: TypeError</pre>");
        assertThat(output.getOut()).contains("userAccount=browser-user").contains("outcome=denied status=403")
                .doesNotContain("outcome=issued");
    }

    private String browse(String url) throws IOException, InterruptedException {
        Process browser = new ProcessBuilder(chromiumBinary(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + browserProfile, "--virtual-time-budget=10000", "--dump-dom",
                url).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            byte[] dom = browser.getInputStream().readAllBytes();
            assertThat(browser.waitFor(BROWSER_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("Chromium finished").isTrue();
            return new String(dom, StandardCharsets.UTF_8);
        }
        finally {
            browser.destroyForcibly();
        }
    }

    private static String chromiumBinary() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .flatMap(directory -> List.of("chromium", "chromium-browser", "google-chrome").stream()
                        .map(name -> Path.of(directory, name)))
                .filter(Files::isExecutable).map(Path::toString).findFirst().orElse(null);
    }

    /** Serves one page whose script fetches a token from the service and writes the outcome into the page. */
    private static HttpServer pageServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                byte[] page = """
                        <!doctype html>
                        <html><body><pre id="result">pending</pre><script>
                        fetch('http://127.0.0.1:%d/rtm-token?userAccount=browser-user')
                          .then(response => response.json().then(body =>
                            'status=' + response.status + ' token=' + String(body.token).substring(0, 3)))
                          .catch(error => 'blocked: ' + error.name)
                          .then(text => { document.getElementById('result').textContent = text; });
                        </script></body></html>
                        """.formatted(apiPort).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(page);
                }
            });
            server.start();
            return server;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String originOf(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
