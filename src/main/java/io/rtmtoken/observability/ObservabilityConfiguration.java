package io.rtmtoken.observability;

import java.util.random.RandomGenerator;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.micrometer.core.instrument.MeterRegistry;
import io.rtmtoken.issuance.TokenProperties;

/**
 * Registers the request-id and token-metrics filters ahead of every other filter, including Spring Security's chain,
 * so each log line carries the id and each answer, whoever gives it, is counted.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    static final String TOKEN_PATH = "/rtm-token";

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter(RandomGenerator randomGenerator) {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(
                new RequestIdFilter(randomGenerator));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<TokenRequestMetricsFilter> tokenRequestMetricsFilter(MeterRegistry registry,
            TokenProperties properties) {
        FilterRegistrationBean<TokenRequestMetricsFilter> registration = new FilterRegistrationBean<>(
                new TokenRequestMetricsFilter(registry, properties));
        registration.addUrlPatterns(TOKEN_PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
