package io.rtmtoken;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.random.RandomGenerator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Entry point of the RTM token service; callers use JWTs or API keys, so there is no user store or password. */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class RtmTokenApplication {

    public static void main(String[] args) {
        SpringApplication.run(RtmTokenApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** One shared source of salts; SecureRandom is thread-safe. */
    @Bean
    RandomGenerator saltSource() {
        return new SecureRandom();
    }
}
