package io.launchpad.web.security;

import java.net.URI;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Before sending someone to Keycloak to sign in or create an account, asks whether
 * Keycloak answers: when it does not, the person gets a page of ours saying sign-in is
 * unavailable for now and what still works, instead of their browser's "cannot connect"
 * page at Keycloak's address. People already signed in are not affected (their session
 * and tokens go on working, issue 13).
 */
@Component
class SignInAvailability implements WebFilter, Ordered {

    static final String PAGE = "/sign-in-unavailable";

    private static final Logger log = LoggerFactory.getLogger(SignInAvailability.class);

    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(1500);

    private final WebClient http = WebClient.create();

    private final URI discovery;

    SignInAvailability(@Value("${spring.security.oauth2.client.provider.keycloak.issuer-uri}") String issuer) {
        this.discovery = URI.create(issuer + "/.well-known/openid-configuration");
    }

    @Override
    public int getOrder() {
        // before the security chain, which would redirect to Keycloak
        return -200;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith("/oauth2/authorization/") && !path.equals("/create-account")) {
            return chain.filter(exchange);
        }
        return keycloakAnswers().flatMap(answers -> {
            if (answers) {
                return chain.filter(exchange);
            }
            exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
            exchange.getResponse().getHeaders().setLocation(URI.create(PAGE));
            return exchange.getResponse().setComplete();
        });
    }

    private Mono<Boolean> keycloakAnswers() {
        return http.get()
            .uri(discovery)
            .retrieve()
            .toBodilessEntity()
            .map(response -> response.getStatusCode().is2xxSuccessful())
            .timeout(PROBE_TIMEOUT)
            .onErrorResume(error -> {
                log.atWarn()
                    .addKeyValue("error", error.toString())
                    .log("Keycloak does not answer; sign-in shown as unavailable");
                return Mono.just(false);
            });
    }

    @Controller
    static class UnavailablePage {

        @GetMapping(PAGE)
        String unavailable(ServerWebExchange exchange, Model model) {
            exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
            exchange.getResponse().getHeaders().set("Retry-After", "60");
            return "error/sign-in-unavailable";
        }

    }

}
