package io.rtmtoken.benchmark;

import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /rtm-token/benchmark/empty}: answers 204 through the same filters as the token API and does nothing
 * else, so the HTTP benchmark can tell what the service costs beyond the framework. Exists only in the
 * {@code benchmark} profile.
 */
@RestController
@Profile(EmptyController.PROFILE)
class EmptyController {

    static final String PROFILE = "benchmark";

    static final String PATH = "/rtm-token/benchmark/empty";

    @GetMapping(PATH)
    ResponseEntity<Void> empty() {
        return ResponseEntity.noContent().build();
    }
}
