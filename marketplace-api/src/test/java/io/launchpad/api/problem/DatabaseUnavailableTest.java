package io.launchpad.api.problem;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.concurrent.TimeoutException;

/**
 * A request that cannot get a database connection in time is told to come back, not given
 * a 500.
 */
class DatabaseUnavailableTest {

    @Test
    void noConnectionWithinTheAcquireTimeIsA503WithRetryAfter() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/challenges"));
        var failure = new DataAccessResourceFailureException("Failed to obtain R2DBC Connection",
                new TimeoutException("Did not observe any item or terminal signal within 5000ms"));

        var response = new ProblemAdvice().databaseUnavailable(failure, exchange).block();

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail body = (ProblemDetail) response.getBody();
        assertThat(body.getType().toString()).endsWith("/temporarily-unavailable");
        assertThat(body.getDetail()).doesNotContain("R2DBC").doesNotContain("Timeout");
    }

}
