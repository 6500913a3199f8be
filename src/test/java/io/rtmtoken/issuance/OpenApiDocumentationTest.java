package io.rtmtoken.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(properties = {"agora.app-id=0123456789abcdef0123456789abcdef",
        "agora.app-certificate=fedcba9876543210fedcba9876543210", "management.server.port=-1",
        "rtm-token.token.max-lifetime=12h", "rtm-token.token.default-version=007", "rtm-token.auth.mode=none"})
@AutoConfigureMockMvc
class OpenApiDocumentationTest {

    @Autowired
    private MockMvcTester mvc;

    @Test
    void apiDocsWhenRequestedThenTokenEndpointWithParametersFromConfiguration() {
        JsonNode get = apiDocs().get("paths").get("/rtm-token").get("get");

        assertThat(get.get("operationId").asString()).isEqualTo("issueRtmToken");
        assertThat(parameter(get, "userAccount").get("required").asBoolean()).isTrue();
        assertThat(parameter(get, "userAccount").get("schema").get("maxLength").asInt()).isEqualTo(64);
        assertThat(parameter(get, "role").get("schema").get("enum").valueStream().map(JsonNode::asString))
                .containsExactly("rtm_user", "1");
        assertThat(parameter(get, "expireSeconds").get("schema").get("maximum").asLong()).isEqualTo(43200);
        assertThat(parameter(get, "expireSeconds").get("schema").get("minimum").asLong()).isEqualTo(1);
        assertThat(parameter(get, "expireSeconds").get("schema").get("default").asLong()).isEqualTo(3600);
        assertThat(parameter(get, "version").get("schema").get("default").asString()).isEqualTo("007");
        assertThat(parameter(get, "X-Request-Id").get("in").asString()).isEqualTo("header");
        assertThat(names(get.get("parameters"))).containsExactly("userAccount", "role", "expireSeconds", "version",
                "X-Request-Id");
    }

    @Test
    void apiDocsWhenRequestedThenEveryResponseWithItsBodyAndHeaders() {
        JsonNode docs = apiDocs();
        JsonNode responses = docs.get("paths").get("/rtm-token").get("get").get("responses");

        assertThat(responses.propertyNames()).containsExactly("200", "400", "401", "403", "429", "500");
        assertThat(responses.get("200").get("content").get("application/json").get("schema").get("$ref").asString())
                .isEqualTo("#/components/schemas/TokenResponse");
        assertThat(responses.get("400").get("content").get("application/problem+json").get("schema").get("$ref")
                .asString()).isEqualTo("#/components/schemas/InvalidParametersProblem");
        assertThat(responses.get("400").get("content").get("application/problem+json").get("example").get("errors")
                .get(0).get("parameter").asString()).isEqualTo("expireSeconds");
        assertThat(responses.get("429").get("headers").has("Retry-After")).isTrue();
        assertThat(responses.get("401").get("content").get("application/problem+json").get("schema").get("$ref")
                .asString()).isEqualTo("#/components/schemas/Problem");
        assertThat(docs.get("components").get("schemas").get("InvalidParametersProblem").get("allOf").get(1)
                .get("properties").get("errors").get("items").get("properties").propertyNames())
                .containsExactly("parameter", "value", "rule");
        assertThat(docs.get("paths").has("/error")).isFalse();
    }

    @Test
    void apiDocsWhenRequestedThenTokenSchemaAndExampleMatchARealResponse() {
        JsonNode real = JsonMapper.builder().build()
                .readTree(mvc.get().uri("/rtm-token?userAccount=alice").exchange().getResponse()
                        .getContentAsByteArray());
        JsonNode docs = apiDocs();

        JsonNode schema = docs.get("components").get("schemas").get("TokenResponse").get("properties");
        JsonNode example = docs.get("paths").get("/rtm-token").get("get").get("responses").get("200").get("content")
                .get("application/json").get("example");
        assertThat(schema.propertyNames()).containsExactlyInAnyOrderElementsOf(real.propertyNames());
        assertThat(example.propertyNames()).containsExactlyElementsOf(real.propertyNames());
        schema.properties().forEach(property -> assertThat(property.getValue().get("description"))
                .as(property.getKey()).isNotNull());
    }

    @Test
    void apiDocsWhenRequestedThenInspectionWithBodyReportAndProblems() {
        JsonNode post = apiDocs().get("paths").get("/rtm-token/inspect").get("post");

        assertThat(post.get("operationId").asString()).isEqualTo("inspectRtmToken");
        assertThat(post.get("requestBody").get("content").get("application/json").get("schema").get("$ref")
                .asString()).isEqualTo("#/components/schemas/InspectionRequest");
        assertThat(post.get("responses").propertyNames()).contains("200", "400", "413", "415");
        assertThat(post.get("responses").get("400").get("content").get("application/problem+json").get("example")
                .get("reason").asString()).isEqualTo("bad_version");
    }

    @Test
    void userAccountPatternWhenComparedWithTheRuleThenTheyAgree() {
        Pattern pattern = Pattern.compile(OpenApiConfiguration.USER_ACCOUNT_PATTERN);

        for (String value : new String[] {"a", "alice", " x ", "user with spaces !#$%&()+-:;<=.>?@[]^_{}|~,",
                "a".repeat(64), "", "   ", "a".repeat(65), "a/b", "a\"b", "a'b", "a*b", "a\\b", "a`b", "é", "a\tb",
                "a\nb"}) {
            assertThat(pattern.matcher(value).matches()).as(value).isEqualTo(UserAccounts.isValid(value));
        }
    }

    @Test
    void swaggerUiWhenRequestedThenServed() {
        assertThat(mvc.get().uri("/swagger-ui.html").exchange()).hasStatus3xxRedirection()
                .hasRedirectedUrl("/swagger-ui/index.html");
        assertThat(mvc.get().uri("/swagger-ui/index.html").exchange()).hasStatusOk();
    }

    private JsonNode apiDocs() {
        return JsonMapper.builder().build().readTree(
                mvc.get().uri("/v3/api-docs").exchange().getResponse().getContentAsByteArray());
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.get("parameters")) {
            if (parameter.get("name").asString().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name);
    }

    private static List<String> names(JsonNode parameters) {
        List<String> names = new ArrayList<>();
        parameters.forEach(parameter -> names.add(parameter.get("name").asString()));
        return names;
    }
}
