package io.rtmtoken.issuance;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.rtmtoken.observability.RequestIdFilter;
import io.rtmtoken.security.UserBinding;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The OpenAPI description of the token endpoint served at {@code /v3/api-docs}: parameters with their rules and
 * configured defaults, the token body and every problem a caller can get. It lives here so the controller stays short.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM = "Problem";

    static final String INVALID_PARAMETERS_PROBLEM = "InvalidParametersProblem";

    static final String TOKEN_RESPONSE = "TokenResponse";

    private static final String PROBLEM_JSON = "application/problem+json";

    /** What springdoc reads for the user account rule, the same rule {@link UserAccounts#isValid} applies. */
    static final String USER_ACCOUNT_PATTERN = "^(?! *$)[a-zA-Z0-9 !#$%&()+\\-:;<=.>?@\\[\\]^_{}|~,]{1,64}$";

    /** A 006 token for {@code alice} signed with the demo credentials, issued at 2026-12-03T12:00:00Z. */
    private static final String EXAMPLE_TOKEN = "00600000000000000000000000000000000"
            + "IAAzyPg2z0tKc0GYkznPuovL0B9EuqZMciMlzGm0N28SJ0e8jicAAAAAEAA5MAAAQKsSawEA6APQZxFr";

    @Bean
    OpenAPI openApi(ObjectProvider<BuildProperties> build) {
        BuildProperties buildProperties = build.getIfAvailable();
        Info info = new Info().title("RTM token service")
                .version(buildProperties == null ? "unknown" : buildProperties.getVersion())
                .description("Mints Agora RTM login tokens (versions 006 and 007). Every error is an RFC 9457 "
                        + "problem (application/problem+json): unknown paths answer 404, other methods 405 with "
                        + "Allow. Every response carries X-Request-Id.")
                .license(new License().name("Apache-2.0"));
        return new OpenAPI().info(info);
    }

    @Bean
    OpenApiCustomizer rtmTokenOperation(TokenProperties properties, UserBinding userBinding) {
        return openApi -> {
            Components components = openApi.getComponents();
            describeTokenResponse(components.getSchemas().get(TOKEN_RESPONSE));
            problemSchemas().forEach(components::addSchemas);

            Operation get = openApi.getPaths().get("/rtm-token").getGet();
            get.operationId("issueRtmToken").tags(List.of("tokens")).summary("Mint an RTM login token")
                    .description("Issues a token for userAccount, signed with the configured App Certificate. "
                            + "Unknown parameters and parameters given twice are rejected.")
                    .parameters(parameters(properties, userBinding)).responses(responses());
        };
    }

    private static List<Parameter> parameters(TokenProperties properties, UserBinding userBinding) {
        long maxSeconds = properties.maxLifetime().getSeconds();
        String userAccountDefault = userBinding.userAccountRequired() ? ""
                : "; defaults to the caller's " + userBinding.userClaim() + " claim";
        return List.of(
                query(TokenRequest.USER_ACCOUNT, userBinding.userAccountRequired(),
                        "The RTM user ID the token is for: " + UserAccounts.RULE + userAccountDefault,
                        new StringSchema().minLength(1).maxLength(UserAccounts.MAX_LENGTH)
                                .pattern(USER_ACCOUNT_PATTERN).example("alice")),
                query(TokenRequest.ROLE, false, "The RTM role; rtm_user (or 1) is the only one",
                        new StringSchema()._enum(List.of(TokenRequest.ROLE_RTM_USER, "1"))
                                ._default(TokenRequest.ROLE_RTM_USER)),
                query(TokenRequest.EXPIRE_SECONDS, false, "How long login with the token works, in whole seconds, "
                        + "1 to " + maxSeconds + " (rtm-token.token.max-lifetime)",
                        new IntegerSchema().format("int64").minimum(BigDecimal.ONE)
                                .maximum(BigDecimal.valueOf(maxSeconds))
                                ._default(properties.defaultLifetime().getSeconds()).example(600)),
                query(TokenRequest.VERSION, false, "The token version: 006 for RTM SDK 1.x, 007 for 1.5+ and 2.x",
                        new StringSchema()._enum(List.of("006", "007"))._default(properties.defaultVersion())
                                .example("007")),
                new Parameter().in("header").name(RequestIdFilter.HEADER).required(false)
                        .description("An id for this request, echoed back and logged; a new one is generated "
                                + "when it is missing or not 1 to 64 of a-z A-Z 0-9 . _ : -")
                        .schema(new StringSchema().maxLength(64).pattern("^[A-Za-z0-9._:-]{1,64}$")));
    }

    private static Parameter query(String name, boolean required, String description, Schema<?> schema) {
        return new Parameter().in("query").name(name).required(required).description(description).schema(schema);
    }

    private static ApiResponses responses() {
        Header retryAfter = new Header().description("Seconds to wait before asking again")
                .schema(new IntegerSchema());
        return new ApiResponses()
                .addApiResponse("200", response("The token", "application/json", TOKEN_RESPONSE, tokenExample())
                        .addHeaderObject("Cache-Control", new Header().description("Always no-store")
                                .schema(new StringSchema().example("no-store"))))
                .addApiResponse("400", response("A parameter breaks its rule; errors lists each one", PROBLEM_JSON,
                        INVALID_PARAMETERS_PROBLEM, invalidParametersExample()))
                .addApiResponse("401", problem("Credentials are missing or invalid", 401, "Unauthorized"))
                .addApiResponse("403", problem("The credentials may not mint tokens for this userAccount", 403,
                        "Forbidden"))
                .addApiResponse("429", problem("Too many requests; Retry-After says when to ask again", 429,
                        "Too Many Requests").addHeaderObject("Retry-After", retryAfter))
                .addApiResponse("500", problem("The service failed to handle the request", 500,
                        "Internal Server Error"));
    }

    private static ApiResponse problem(String description, int status, String title) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", title);
        example.put("status", status);
        example.put("instance", "/rtm-token");
        return response(description, PROBLEM_JSON, PROBLEM, example);
    }

    private static ApiResponse response(String description, String contentType, String schemaName, Object example) {
        Header requestId = new Header().description("The request's id, as logged").schema(new StringSchema());
        MediaType body = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schemaName))
                .example(example);
        return new ApiResponse().description(description).content(new Content().addMediaType(contentType, body))
                .addHeaderObject(RequestIdFilter.HEADER, requestId);
    }

    private static Map<String, Object> tokenExample() {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("token", EXAMPLE_TOKEN);
        example.put("version", "006");
        example.put("userAccount", "alice");
        example.put("role", TokenRequest.ROLE_RTM_USER);
        example.put("issuedAt", "2026-12-03T12:00:00Z");
        example.put("expiresAt", "2026-12-03T13:00:00Z");
        return example;
    }

    private static Map<String, Object> invalidParametersExample() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("parameter", "expireSeconds");
        error.put("value", "0");
        error.put("rule", "must be a whole number of seconds from 1 to 86400");
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "urn:rtm-token:problem:invalid-parameters");
        example.put("title", "Invalid request parameters");
        example.put("status", 400);
        example.put("detail", "expireSeconds '0' must be a whole number of seconds from 1 to 86400");
        example.put("instance", "/rtm-token");
        example.put("errors", List.of(error));
        return example;
    }

    private static Map<String, Schema> problemSchemas() {
        Schema<?> problem = new ObjectSchema().description("An RFC 9457 problem")
                .addProperty("type", new StringSchema().format("uri").description("Kind of problem"))
                .addProperty("title", new StringSchema().description("Short summary of the kind"))
                .addProperty("status", new IntegerSchema().description("HTTP status"))
                .addProperty("detail", new StringSchema().description("What went wrong with this request"))
                .addProperty("instance", new StringSchema().format("uri").description("The request path"));
        Schema<?> parameterError = new ObjectSchema()
                .addProperty("parameter", new StringSchema().description("Name of the parameter"))
                .addProperty("value", new StringSchema().description("The value given, cut at 100 characters; "
                        + "absent when the parameter is missing"))
                .addProperty("rule", new StringSchema().description("What the value must be"));
        Schema<?> invalidParameters = new ObjectSchema().description("A problem listing every bad parameter")
                .allOf(List.of(new Schema<>().$ref("#/components/schemas/" + PROBLEM), new ObjectSchema()
                        .addProperty("errors", new ArraySchema().items(parameterError))));
        return Map.of(PROBLEM, problem, INVALID_PARAMETERS_PROBLEM, invalidParameters);
    }

    private static void describeTokenResponse(Schema<?> schema) {
        Map<String, String> descriptions = Map.of("token", "The token to pass to the RTM SDK's login",
                "version", "006 or 007", "userAccount", "The user the token is for", "role", "Always rtm_user",
                "issuedAt", "When the token was issued", "expiresAt", "When login with the token stops working");
        schema.getProperties().forEach((name, property) -> property.setDescription(descriptions.get(name)));
    }
}
