package io.launchpad.api.notification;

import io.launchpad.api.security.Caller;
import org.springframework.core.Ordered;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Email needs an address, and only the token knows it: when a person acts, their
 * {@code email} claim is remembered (once per change per instance, so most requests cost
 * nothing).
 */
@Component
class PersonDirectory implements WebFilter, Ordered {

    private static final int MAX_CACHED = 50_000;

    private final DatabaseClient db;

    private final Map<String, String> known = new ConcurrentHashMap<>();

    PersonDirectory(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // remembered as the reply is committed, and only for a request that was not
        // refused: a
        // refused request changes no row, not even this one
        return Caller.current()
            .doOnNext(caller -> exchange.getResponse()
                .beforeCommit(
                        () -> refused(exchange) ? Mono.empty() : remember(caller).onErrorResume(e -> Mono.empty())))
            .then(chain.filter(exchange));
    }

    private static boolean refused(ServerWebExchange exchange) {
        var status = exchange.getResponse().getStatusCode();
        return status != null && status.isError();
    }

    Mono<Void> remember(Caller caller) {
        if (caller.isAnonymous() || "system".equals(caller.subject())
                || Objects.equals(known.get(caller.subject()), String.valueOf(caller.email()))) {
            return Mono.empty();
        }
        var spec = db.sql("""
                insert into person (subject, email, name) values (:subject, :email, :name)
                on conflict (subject) do update set email = excluded.email, name = excluded.name, updated_at = now()
                where person.email is distinct from excluded.email or person.name is distinct from excluded.name""")
            .bind("subject", caller.subject());
        spec = caller.email() == null ? spec.bindNull("email", String.class) : spec.bind("email", caller.email());
        spec = caller.name() == null ? spec.bindNull("name", String.class) : spec.bind("name", caller.name());
        return spec.then().doOnSuccess(done -> {
            if (known.size() > MAX_CACHED) {
                known.clear();
            }
            known.put(caller.subject(), String.valueOf(caller.email()));
        });
    }

}
