package io.rtmtoken;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends thousands of malformed requests over raw sockets and checks that each is refused with a 4xx problem, never
 * a 5xx, a 200 or an HTML page, and that the service is healthy afterwards. Every request is built to be invalid
 * (a forbidden character, an unknown or repeated parameter, a bad method, path or framing), so a 200 is a bug.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"management.server.port=0",
        "agora.app-id=" + EndToEndTest.APP_ID, "agora.app-certificate=" + EndToEndTest.CERTIFICATE,
        "logging.level.root=warn", "rtm-token.auth.mode=none", "rtm-token.rate-limit.enabled=false"})
@ExtendWith(OutputCaptureExtension.class)
class HostileRequestTest {

    /** Characters outside Agora's user ID rule, so a user account holding one is always refused. */
    private static final String[] FORBIDDEN = {"/", "%2F", "%22", "'", "*", "%5C", "%60", "%C3%A9", "%F0%9F%98%80",
        "%00", "%0A", "%0D", "%09", "%7F", "%1B", "%E2%80%A8", "%EF%BC%91"};

    private static final String[] BROKEN_PERCENT = {"%", "%G1", "%4", "%%", "%C3", "%C3%28", "%FF", "%ED%A0%80",
        "%E2%82", "%F8%88%80%80%80", "%u0041", "%%30", "%2", "%zz"};

    private static final String[] BAD_NUMBERS = {"0", "-1", "-0", "+60", "1e3", "0x10", "60.0", "1,000", "%2060",
        "60%20", "86401", "2147483648", "9223372036854775808", "99999999999999999999", "%D9%A6%D9%A0", "NaN", "",
        "00000000000000000060", "%EF%BC%96%EF%BC%90"};

    private static final String[] BAD_VERSIONS = {"6", "7", "0006", "008", "005", "v007", "007%00",
        "%EF%BC%90%EF%BC%90%EF%BC%96", "", "006,007", "null"};

    private final Random random = new Random(20261203);

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @Test
    void hostileRequestsWhenSentThenEachRefusedWithProblemAndServiceStaysHealthy(CapturedOutput output)
            throws Exception {
        List<Hostile> requests = Stream.of(missingAndRepeated(), overLong(), badCharacters(), badNumbers(),
                hugeHeadersAndUrls(), badMethodsAndContentTypes(), badPathsAndFraming(), randomQueries(),
                hostileInspections())
                .flatMap(Supplier::get).toList();
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        Map<String, Integer> violationsByKind = new TreeMap<>();

        for (Hostile hostile : requests) {
            RawHttp.Response response;
            String problem;
            try {
                response = RawHttp.send(port, hostile.bytes());
                problem = violation(hostile, response);
            }
            catch (IOException ex) {
                response = new RawHttp.Response(-1, Map.of(), "");
                problem = "no answer: " + ex;
            }
            outcomes.merge(hostile.kind() + " " + response.status(), 1, Integer::sum);
            if (problem != null && violationsByKind.merge(hostile.kind(), 1, Integer::sum) <= 4) {
                violations.add(hostile.kind() + " " + hostile.summary() + " -> " + problem);
            }
        }

        System.out.println("Hostile requests: " + requests.size() + ", outcomes (kind status=count): " + outcomes);
        assertThat(requests).hasSizeGreaterThanOrEqualTo(2000);
        assertThat(violations).as("violations by kind: %s", violationsByKind).isEmpty();
        assertThat(output.getAll()).as("a caller's mistake is not the service's error").doesNotContain(" ERROR ");
        assertThat(RawHttp.send(managementPort, RawHttp.request("GET", "/actuator/health", "", "")).body())
                .contains("\"status\":\"UP\"");
        assertThat(RawHttp.send(port, RawHttp.request("GET", "/rtm-token?userAccount=alice", "", "")).status())
                .isEqualTo(200);
    }

    /**
     * Returns what is wrong with the response, or null when it is a 4xx problem naming its own status. Two answers
     * are protocol, not failure: 501 for a method or transfer coding Tomcat does not implement (RFC 9110 15.6.2,
     * RFC 9112 6.1), and a bare body for a request line without a version, which Tomcat reads as HTTP/0.9 (README,
     * known limitations).
     */
    private static String violation(Hostile hostile, RawHttp.Response response) {
        if (response.status() == 0) {
            return http09Violation(response.body());
        }
        boolean notImplemented = response.status() == 501 && hostile.notImplemented();
        if (!notImplemented && (response.status() < 400 || response.status() >= 500)) {
            return "status " + response.status() + " " + abbreviated(response.body());
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            return response.status() + " with content type '" + response.contentType() + "': "
                    + abbreviated(response.body());
        }
        try {
            JsonNode body = JsonMapper.builder().build().readTree(response.body());
            return body.path("status").asInt() == response.status() ? null
                    : "problem status " + body.path("status") + " in a " + response.status() + " response";
        }
        catch (RuntimeException ex) {
            return "body is not JSON: " + abbreviated(response.body());
        }
    }

    private static String http09Violation(String body) {
        try {
            int status = JsonMapper.builder().build().readTree(body).path("status").asInt();
            return status >= 400 && status < 500 ? null : "HTTP/0.9 answer with problem status " + status;
        }
        catch (RuntimeException ex) {
            return "HTTP/0.9 answer that is not a problem: " + abbreviated(body);
        }
    }

    private Supplier<Stream<Hostile>> missingAndRepeated() {
        return () -> {
            List<Hostile> requests = new ArrayList<>();
            for (String query : new String[] {"", "?", "?&", "?=", "?=alice", "?role=rtm_user", "?version=007",
                "?expireSeconds=60&version=006&role=1", "?useraccount=alice", "?UserAccount=alice", "?userAccount",
                "?user%41ccount=a/b", "?userAccount%00=alice", "?%75serAccount=alice&uid=1"}) {
                requests.add(get("missing", "/rtm-token" + query));
            }
            for (String name : new String[] {"userAccount", "role", "expireSeconds", "version"}) {
                for (int times = 2; times <= 60; times++) {
                    requests.add(get("repeated", "/rtm-token?userAccount=alice&" + (name + "=" + value(name) + "&")
                            .repeat(times - (name.equals("userAccount") ? 1 : 0))));
                }
            }
            return requests.stream();
        };
    }

    private Supplier<Stream<Hostile>> overLong() {
        return () -> {
            List<Hostile> requests = new ArrayList<>();
            for (int length = 65; length <= 7000; length += 23) {
                requests.add(get("over-long", "/rtm-token?userAccount=" + "a".repeat(length)));
            }
            for (int length = 11; length <= 2000; length += 61) {
                requests.add(get("over-long", "/rtm-token?userAccount=alice&expireSeconds=" + "9".repeat(length)));
                requests.add(get("over-long", "/rtm-token?userAccount=alice&version=" + "0".repeat(length)));
                requests.add(get("over-long", "/rtm-token?userAccount=alice&" + "n".repeat(length * 3) + "=1"));
            }
            return requests.stream();
        };
    }

    private Supplier<Stream<Hostile>> badCharacters() {
        return () -> {
            List<Hostile> requests = new ArrayList<>();
            for (String forbidden : FORBIDDEN) {
                for (String shape : new String[] {"%s", "a%s", "%sa", "al%sice", "%s%s%s"}) {
                    requests.add(get("bad-character", "/rtm-token?userAccount=" + shape.formatted(forbidden,
                            forbidden, forbidden)));
                }
                requests.add(get("bad-character", "/rtm-token?userAccount=a/b&role=" + forbidden));
            }
            for (String broken : BROKEN_PERCENT) {
                for (String shape : new String[] {"userAccount=%s", "userAccount=a%s", "userAccount=alice&role=%s",
                    "userAccount=alice&version=%s", "%s=1&userAccount=a/b", "userAccount=a/b&expireSeconds=%s"}) {
                    requests.add(get("broken-percent", "/rtm-token?" + shape.formatted(broken)));
                }
            }
            for (int controlByte = 0; controlByte < 0x20; controlByte++) {
                String raw = String.valueOf((char) controlByte);
                requests.add(raw("raw-control", ("GET /rtm-token?userAccount=a/" + raw + "b HTTP/1.1\r\nHost: x\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1)));
                requests.add(raw("raw-control", ("GET /rtm-token?userAccount=a/b HTTP/1.1\r\nHost: x\r\nX-Bad: a"
                        + raw + "b\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1)));
            }
            for (String nonAscii : new String[] {"é", "😀", "\u2028", "ｕ", "\u00a0", "\ufeff"}) {
                requests.add(raw("raw-non-ascii", ("GET /rtm-token?userAccount=" + nonAscii + " HTTP/1.1\r\nHost: x"
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8)));
                requests.add(raw("raw-non-ascii", ("GET /rtm-token?userAccount=a/b HTTP/1.1\r\nHost: x\r\nX-Name: "
                        + nonAscii + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8)));
            }
            return requests.stream();
        };
    }

    private Supplier<Stream<Hostile>> badNumbers() {
        return () -> {
            List<Hostile> requests = new ArrayList<>();
            for (String number : BAD_NUMBERS) {
                requests.add(get("bad-number", "/rtm-token?userAccount=alice&expireSeconds=" + number));
                requests.add(get("bad-number", "/rtm-token?userAccount=alice&version=007&expireSeconds=" + number));
            }
            for (String version : BAD_VERSIONS) {
                requests.add(get("bad-version", "/rtm-token?userAccount=alice&version=" + version));
            }
            for (String role : new String[] {"admin", "0", "2", "rtm_user%00", "RTM_USER", "1.0", "", "publisher"}) {
                requests.add(get("bad-role", "/rtm-token?userAccount=alice&role=" + role));
            }
            return requests.stream();
        };
    }

    private Supplier<Stream<Hostile>> hugeHeadersAndUrls() {
        return () -> {
            List<Hostile> requests = new ArrayList<>();
            for (int kib : new int[] {7, 8, 9, 16, 64, 256}) {
                requests.add(get("huge-url", "/rtm-token?userAccount=a/b&x=" + "y".repeat(kib * 1024)));
                requests.add(get("huge-url", "/" + "p".repeat(kib * 1024)));
                requests.add(new Hostile("huge-header", kib + " KiB header",
                        RawHttp.request("GET", "/rtm-token?userAccount=a/b", "X-Big: " + "h".repeat(kib * 1024)
                                + "\r\n", "")));
                requests.add(new Hostile("huge-header", kib * 64 + " headers", RawHttp.request("GET",
                        "/rtm-token?userAccount=a/b", "X-Many: 1234567890\r\n".repeat(kib * 64), "")));
            }
            return requests.stream();
        };
    }

    private Supplier<Stream<Hostile>> badMethodsAndContentTypes() {
        return () -> {
            List<Hostile> requests = new ArrayList<>();
            for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH", "TRACE", "CONNECT", "FOO", "get",
                "G%45T", "GET\u0000", "PROPFIND", "M".repeat(300)}) {
                for (String target : new String[] {"/rtm-token?userAccount=alice", "/rtm-token?userAccount=a/b"}) {
                    requests.add(new Hostile("bad-method", method.length() > 20 ? "long method" : method,
                            RawHttp.request(method, target, "", "")));
                }
            }
            for (String contentType : new String[] {"application/x-www-form-urlencoded", "application/json",
                "text/html", "multipart/form-data; boundary=", "multipart/form-data", ";;;", "application/json; "
                    + "charset=utf-9", "*/*", "application/xml", "text/plain; charset=\u00ff"}) {
                for (String method : new String[] {"GET", "POST", "PUT"}) {
                    requests.add(new Hostile("content-type", method + " " + contentType, RawHttp.request(method,
                            "/rtm-token?userAccount=a/b", "Content-Type: " + contentType + "\r\n",
                            "userAccount=alice&version=007")));
                }
            }
            for (String accept : new String[] {"text/html", "application/xml", "image/png", "*/*;q=x", ";;",
                "application/json;q=0"}) {
                requests.add(new Hostile("accept", accept, RawHttp.request("GET", "/rtm-token?userAccount=a/b",
                        "Accept: " + accept + "\r\n", "")));
            }
            return requests.stream();
        };
    }

    private Supplier<Stream<Hostile>> badPathsAndFraming() {
        return () -> {
            List<Hostile> requests = new ArrayList<>();
            for (String path : new String[] {"/rtm-token/", "/rtm-token;x=y", "/rtm-token/..;/", "/%2e%2e/",
                "//rtm-token", "/rtm-token%00", "/RTM-TOKEN", "/rtm-token.json", "/error", "/actuator/health",
                "/rtm-token/%2e%2e/%2e%2e/etc/passwd", "/..", "/rtm%2Dtoken", "*", "http://evil/rtm-token",
                "/rtm-token%2F", "/rtm-token#frag", "/\\rtm-token", "/rtm-token/inspect", "/%"}) {
                requests.add(get("bad-path", path + "?userAccount=a/b"));
            }
            String[] framings = {
                "GET /rtm-token?userAccount=a/b HTTP/1.1\r\nConnection: close\r\n\r\n",
                "GET /rtm-token?userAccount=a/b HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n",
                "GET /rtm-token?userAccount=a/b HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n"
                    + "Connection: close\r\n\r\nabcdef",
                "GET /rtm-token?userAccount=a/b HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\nConnection: close\r\n\r\n",
                "GET /rtm-token?userAccount=a/b HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n"
                    + "Connection: close\r\n\r\n",
                "GET /rtm-token?userAccount=a/b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                    + "Content-Length: 3\r\nConnection: close\r\n\r\n0\r\n\r\n",
                "GET /rtm-token?userAccount=a/b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n"
                    + "Connection: close\r\n\r\n0\r\n\r\n",
                "GET /rtm-token?userAccount=a/b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\nZZ\r\nabc\r\n",
                "GET /rtm-token?userAccount=a/b HTTP/1.1\r\nHost: x\r\n Folded: header\r\nConnection: close\r\n\r\n",
                "GET /rtm-token?userAccount=a/b HTTP/1.1\r\nHost: x\r\nNoColon\r\nConnection: close\r\n\r\n",
                "GET /rtm-token?userAccount=a/b HTTP/1.1\r\nHost: x\r\nBad Name: v\r\nConnection: close\r\n\r\n",
                "GET /rtm-token?userAccount=a/b HTTP/1.1\nHost: x\nConnection: close\n\n",
                "GET /rtm-token?userAccount=a/b HTTP/1.1\r\nHost: exa mple\r\nConnection: close\r\n\r\n",
                "GET /rtm-token?userAccount=a/b HTTP/1.1\r\nHost: [::1\r\nConnection: close\r\n\r\n",
                "GET /rtm-token?userAccount=a/b HTTP/1.1\r\nHost: x:99999\r\nConnection: close\r\n\r\n",
                "GET /rtm-token?userAccount=a/b HTTP/1.1\r\nHost: x\r\nExpect: 100-continue-please\r\n"
                    + "Connection: close\r\n\r\n",
                "GET  /rtm-token?userAccount=a/b  HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /rtm-token?userAccount=a/b HTTP/1.1 extra\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /rtm-token?userAccount=a/b HTTP/1.a\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /rtm-token?userAccount=a/b http/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /rtm-token?userAccount=a/b\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET\r\nHost: x\r\nConnection: close\r\n\r\n",
                " GET /rtm-token?userAccount=a/b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET rtm-token?userAccount=a/b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /rtm-token?userAccount=a{b}|c^d HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /rtm-token?userAccount=a\"b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /rtm-token?userAccount=a<b> HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /rtm-token?userAccount=a%b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"};
            for (String framing : framings) {
                requests.add(raw("framing", framing.getBytes(StandardCharsets.ISO_8859_1)));
            }
            return requests.stream();
        };
    }

    /** Seeded random queries mixing every kind of bad fragment; the user account always breaks the rule. */
    private Supplier<Stream<Hostile>> randomQueries() {
        return () -> {
            List<Hostile> requests = new ArrayList<>();
            String[] names = {"userAccount", "role", "expireSeconds", "version", "uid", "channelName", "", "%00"};
            for (int i = 0; i < 1200; i++) {
                StringBuilder query = new StringBuilder("userAccount=").append(pick(FORBIDDEN)).append(fragment());
                for (int parameters = random.nextInt(6); parameters > 0; parameters--) {
                    query.append('&').append(pick(names)).append('=').append(fragment());
                }
                requests.add(get("random", "/rtm-token?" + query));
            }
            return requests.stream();
        };
    }

    /**
     * Inspection bodies that are not JSON, not tokens, or tokens crafted to be expensive: the fuzz corpus's zlib bomb,
     * 65,535-long length prefixes and counts, maximum-length strings, and bodies over the size cap.
     */
    private Supplier<Stream<Hostile>> hostileInspections() {
        return () -> {
            List<String> bodies = new ArrayList<>(List.of("", "not json", "{", "[]", "null", "42", "\"007\"",
                    "{\"token\":null}", "{\"token\":42}", "{\"token\":[\"007\"]}", "{\"token\":{}}",
                    "{\"token\":\"\"}", "{\"token\":\"abc\"}", "{\"token\":\"008abc\"}",
                    "{\"token\":\"006\",\"userAccount\":\"\"}", "{\"token\":\"" + "A".repeat(4096) + "\"}",
                    "{\"token\":\"007" + "A".repeat(4093) + "\"}", "{\"token\":\"007" + "A".repeat(15_000) + "\"}",
                    "{\"token\":\"007eJx\",\"userAccount\":\"" + "u".repeat(300) + "\"}",
                    "{\"token\":\"\\ud800\"}", "{\"token\":\"007\u0000\"}", "{\"token\":\"007eJx\"}"
                            + " trailing", "{\"token\":\"007eJx\",\"token\":\"006\"}", "{\"a\":".repeat(5000)));
            for (String corpus : new String[] {"parse006", "parse007"}) {
                for (String token : expensiveTokens(corpus)) {
                    bodies.add("{\"token\":" + JsonMapper.builder().build().writeValueAsString(token)
                            + ",\"userAccount\":\"alice\"}");
                }
            }
            List<Hostile> requests = new ArrayList<>();
            for (String body : bodies) {
                requests.add(new Hostile("inspect", abbreviated(body), RawHttp.request("POST", "/rtm-token/inspect",
                        "Content-Type: application/json\r\n", body)));
            }
            for (String contentType : new String[] {"text/plain", "application/x-www-form-urlencoded",
                "application/xml", "multipart/form-data; boundary=x", "application/json; charset=utf-9"}) {
                requests.add(new Hostile("inspect", contentType, RawHttp.request("POST", "/rtm-token/inspect",
                        "Content-Type: " + contentType + "\r\n", "{\"token\":\"007eJx\"}")));
            }
            requests.add(new Hostile("inspect", "declared 1 GB", RawHttp.request("POST", "/rtm-token/inspect",
                    "Content-Type: application/json\r\nContent-Length: 1000000000\r\n", "")));
            requests.add(new Hostile("inspect", "GET", RawHttp.request("GET", "/rtm-token/inspect?token=007", "", "")));
            return requests.stream();
        };
    }

    /** The fuzz corpus's crafted tokens, which every parser must refuse; the reference vectors are left out. */
    private static List<String> expensiveTokens(String corpus) {
        try (Stream<Path> files = Files.list(Path.of(
                "src/test/resources/io/rtmtoken/format/TokenParserFuzzTestInputs", corpus))) {
            List<String> tokens = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.startsWith("vector-") && !name.equals("unknown-service-type")
                        && !name.equals("non-canonical-base64")) {
                    tokens.add(Files.readString(file, StandardCharsets.UTF_8));
                }
            }
            return tokens;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private String fragment() {
        return switch (random.nextInt(6)) {
            case 0 -> pick(FORBIDDEN);
            case 1 -> pick(BROKEN_PERCENT);
            case 2 -> pick(BAD_NUMBERS);
            case 3 -> pick(BAD_VERSIONS);
            case 4 -> "a".repeat(random.nextInt(200));
            default -> Integer.toString(random.nextInt());
        };
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String value(String name) {
        return switch (name) {
            case "userAccount" -> "alice";
            case "role" -> "rtm_user";
            case "expireSeconds" -> "60";
            default -> "007";
        };
    }

    private static Hostile get(String kind, String target) {
        return new Hostile(kind, abbreviated(target), RawHttp.request("GET", target, "", ""));
    }

    private static Hostile raw(String kind, byte[] bytes) {
        return new Hostile(kind, abbreviated(new String(bytes, StandardCharsets.ISO_8859_1)), bytes);
    }

    private static String abbreviated(String text) {
        String printable = text.replace("\r", "\\r").replace("\n", "\\n");
        return printable.length() > 120 ? printable.substring(0, 120) + "..." : printable;
    }

    /** One malformed request: its kind for the tally, a printable summary, and the bytes sent. */
    record Hostile(String kind, String summary, byte[] bytes) {

        /** CONNECT and a transfer coding other than chunked are for Tomcat to refuse with 501. */
        boolean notImplemented() {
            return summary.startsWith("CONNECT") || summary.contains("Transfer-Encoding: gzip");
        }
    }
}
