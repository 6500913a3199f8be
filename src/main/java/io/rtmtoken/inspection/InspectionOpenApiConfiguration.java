package io.rtmtoken.inspection;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/** The OpenAPI description of {@code POST /rtm-token/inspect}, next to the endpoint it describes. */
@Configuration(proxyBeanMethods = false)
class InspectionOpenApiConfiguration {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenApiCustomizer inspectionOperation() {
        return openApi -> {
            Operation post = openApi.getPaths().get("/rtm-token/inspect").getPost();
            post.operationId("inspectRtmToken").summary("Decode a token and check its signature")
                    .description("Shows what a 006 or 007 token holds and whether a configured certificate "
                            + "(primary or secondary) signed it. Pass userAccount to check a 006 token's signature. "
                            + "Bodies are capped at " + RequestBodyLimitFilter.MAX_BODY_BYTES + " bytes.");
            post.getRequestBody().description("The token, and the user it is meant for (needed for 006)");
            post.getResponses().get("200").description("What the token holds; signatureValid is null when it "
                    + "could not be checked, and note says why");
            post.getResponses()
                    .addApiResponse("400", problem("A missing token or bad userAccount (type "
                            + "urn:rtm-token:problem:invalid-parameters, with errors), or a string that is not a "
                            + "token (type urn:rtm-token:problem:malformed-token, with a reason)",
                            "InvalidParametersProblem", malformedTokenExample()))
                    .addApiResponse("413", problem("The body is larger than " + RequestBodyLimitFilter.MAX_BODY_BYTES
                            + " bytes", "Problem", null))
                    .addApiResponse("415", problem("The body is not application/json", "Problem", null));
        };
    }

    private static ApiResponse problem(String description, String schemaName, Object example) {
        MediaType body = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schemaName))
                .example(example);
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON, body));
    }

    private static Map<String, Object> malformedTokenExample() {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "urn:rtm-token:problem:malformed-token");
        example.put("title", "Malformed token");
        example.put("status", 400);
        example.put("detail", "Not a well-formed Agora token: the token does not start with 006 or 007.");
        example.put("instance", "/rtm-token/inspect");
        example.put("reason", "bad_version");
        return example;
    }
}
