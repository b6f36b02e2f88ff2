package io.launchpad.api.problem;

import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spring Security's firewall refuses paths such as {@code /%2e%2e/} or {@code /%00} and,
 * by default, answers a bare 400. Security picks up this handler instead, so the refusal
 * says what was wrong. The firewall's reasons exist only as messages; they are matched
 * here to name the part and the rule.
 */
@Component
class FirewallRejections implements ServerExchangeRejectedHandler {

    private static final Pattern FORBIDDEN = Pattern.compile("potentially malicious String \"(.*)\"");

    private final ProblemWriter writer;

    FirewallRejections(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return writer.write(exchange.getResponse(), problem(rejected));
    }

    static ApiProblem problem(ServerExchangeRejectedException rejected) {
        String reason = String.valueOf(rejected.getMessage());
        Matcher forbidden = FORBIDDEN.matcher(reason);
        if (forbidden.find()) {
            String text = forbidden.group(1);
            return ApiProblem.field(ProblemType.INVALID_REQUEST_TARGET, "path",
                    text.startsWith("%") ? "percent-encoding" : "allowed-characters",
                    "must not contain " + printable(text) + "; encoded dots, slashes, percent signs, "
                            + "backslashes and control characters are refused");
        }
        if (reason.contains("not normalized")) {
            return ApiProblem.field(ProblemType.INVALID_REQUEST_TARGET, "path", "normalised",
                    "must not contain '.' or '..' segments or empty segments");
        }
        if (reason.contains("parameter")) {
            return ApiProblem.field(ProblemType.INVALID_REQUEST_TARGET, "query", "allowed-characters",
                    "a parameter name or value contains a character that is not allowed");
        }
        if (reason.contains("header") || reason.contains("domain")) {
            return ApiProblem.field(ProblemType.MALFORMED_HTTP, "headers", "allowed-characters",
                    "a header name or value contains a character that is not allowed");
        }
        if (reason.contains("HTTP method")) {
            return ApiProblem.field(ProblemType.MALFORMED_HTTP, "method", "allowed-method",
                    "must be one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        }
        return ApiProblem.field(ProblemType.INVALID_REQUEST_TARGET, "path", "allowed-characters",
                "the request was refused as unsafe");
    }

    /**
     * Shows control characters as their escapes, so the message itself stays printable.
     */
    private static String printable(String text) {
        StringBuilder shown = new StringBuilder("\"");
        text.chars()
            .forEach(c -> shown.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return shown.append('"').toString();
    }

}
