package io.rtmtoken;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the RTM token service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RtmTokenApplication {

    public static void main(String[] args) {
        SpringApplication.run(RtmTokenApplication.class, args);
    }
}
