package io.rtmtoken.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@SpringBootTest(properties = {"agora.app-id=0123456789abcdef0123456789abcdef",
        "agora.app-certificate=fedcba9876543210fedcba9876543210", "management.server.port=-1",
        "rtm-token.auth.mode=none"})
@AutoConfigureMockMvc
@ActiveProfiles(EmptyController.PROFILE)
class EmptyControllerTest {

    @Autowired
    private MockMvcTester mvc;

    @Test
    void getWhenBenchmarkProfileThenNoContent() {
        assertThat(mvc.get().uri(EmptyController.PATH).exchange()).hasStatus(HttpStatus.NO_CONTENT)
                .body().isEmpty();
    }
}
