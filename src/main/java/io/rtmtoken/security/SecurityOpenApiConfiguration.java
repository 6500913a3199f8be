package io.rtmtoken.security;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** Describes in the OpenAPI document how callers authenticate in the configured mode. */
@Configuration(proxyBeanMethods = false)
class SecurityOpenApiConfiguration {

    static final String API_KEY_SCHEME = "apiKey";

    static final String BEARER_JWT_SCHEME = "bearerJwt";

    @Bean
    OpenApiCustomizer securitySchemes(AuthSettings settings) {
        return openApi -> {
            switch (settings.mode()) {
                case API_KEY -> require(openApi, API_KEY_SCHEME, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER).name(ApiKeyAuthenticationConverter.HEADER)
                        .description("A back-end caller's API key; the service holds only its SHA-256 hash."));
                case JWT -> require(openApi, BEARER_JWT_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer").bearerFormat("JWT").description("A JWT from the configured issuer and"
                                + " audience; it may mint only for its own " + settings.userClaim() + " claim unless"
                                + " it holds scope " + settings.anyUserScope() + "."));
                case NONE -> {
                }
            }
        };
    }

    private static void require(OpenAPI openApi, String name, SecurityScheme scheme) {
        if (openApi.getComponents() == null) {
            openApi.components(new Components());
        }
        openApi.getComponents().addSecuritySchemes(name, scheme);
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/rtm-token")) {
                item.readOperations().forEach(operation -> operation.addSecurityItem(
                        new SecurityRequirement().addList(name)));
            }
        });
    }
}
