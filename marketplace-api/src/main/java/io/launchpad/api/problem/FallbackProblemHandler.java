package io.launchpad.api.problem;

import io.launchpad.api.rules.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;

/**
 * Last line: errors that never reached a controller (no such route, a failure in a
 * filter) still leave as problem+json, ahead of Boot's default error page which would
 * print HTML or JSON of its own shape.
 */
@Component
@Order(-2)
class FallbackProblemHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(FallbackProblemHandler.class);

    private final ProblemWriter writer;

    FallbackProblemHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (failure instanceof ApiProblem problem) {
            return writer.write(exchange.getResponse(), problem);
        }
        if (failure instanceof RuleViolation violation) {
            return writer.write(exchange.getResponse(), RuleViolations.problem(violation));
        }
        if (failure instanceof ServerExchangeRejectedException rejected) {
            // the firewall checks query parameters and headers lazily, when something
            // first reads them
            return writer.write(exchange.getResponse(), FirewallRejections.problem(rejected));
        }
        if (failure instanceof ResponseStatusException status) {
            ProblemType type = ProblemTypes.forStatus(status.getStatusCode().value());
            String detail = status.getStatusCode().value() == 404 ? "No resource at " + exchange.getRequest().getPath()
                    : String.valueOf(status.getReason());
            return writer.write(exchange.getResponse(), type, detail);
        }
        log.error("unhandled failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                failure);
        return writer.write(exchange.getResponse(), ProblemType.INTERNAL_ERROR, "The request could not be completed");
    }

}
