package io.launchpad.api.onboarding;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * A person who signed up on their own holds no realm role; onboarding lets them choose
 * one of the three marketplace roles, once. Admin and partner are never chosen here, and
 * anyone who already holds a role of ours (in the token, or in Keycloak now: a token can
 * be older than a grant) keeps it: changing role is for an admin, because an association
 * member who became a supplier would sit on both sides of an evaluation.
 */
@Service
class FirstRole {

    /** The roles a person may give themselves, by their realm-role names. */
    static final Set<String> SELF_ASSIGNABLE = Set.of("association", "supplier", "candidate");

    /**
     * Every realm role the API knows; holding any of them means the first choice is made.
     */
    private static final Set<String> OURS = Set.of("association", "supplier", "candidate", "admin", "partner");

    private static final Logger log = LoggerFactory.getLogger(FirstRole.class);

    private final KeycloakRealmRoles keycloak;

    private final DatabaseClient db;

    private final TransactionalOperator transaction;

    FirstRole(KeycloakRealmRoles keycloak, DatabaseClient db, ReactiveTransactionManager transactions) {
        this.keycloak = keycloak;
        this.db = db;
        this.transaction = TransactionalOperator.create(transactions);
    }

    Mono<String> choose(Caller caller, String role) {
        if (!SELF_ASSIGNABLE.contains(role)) {
            return Mono
                .error(ApiProblem.invalid("role", "self-assignable", "must be association, supplier or candidate"));
        }
        if (!caller.roles().isEmpty()) {
            return Mono.error(alreadyChosen());
        }
        if (!keycloak.configured()) {
            return Mono.error(unavailable());
        }
        // one choice per person across instances: two quick submits of different roles
        // must not grant both
        return db.sql("select pg_advisory_xact_lock(hashtextextended('launchpad-first-role:' || :subject, 0))")
            .bind("subject", caller.subject())
            .then()
            .then(keycloak.held(caller.subject()))
            .flatMap(held -> held.stream().anyMatch(OURS::contains) ? Mono.error(alreadyChosen())
                    : keycloak.grant(caller.subject(), role)
                        .switchIfEmpty(Mono.error(() -> ApiProblem.field(ProblemType.CONFLICT, "role", "no-role-yet",
                                "Keycloak does not offer this role to you"))))
            .as(transaction::transactional)
            .thenReturn(role)
            .onErrorMap(error -> !(error instanceof ApiProblem), error -> {
                log.warn("granting a first role in Keycloak failed ({})", error.toString());
                return unavailable();
            });
    }

    private static ApiProblem alreadyChosen() {
        return ApiProblem.field(ProblemType.CONFLICT, "role", "no-role-yet",
                "you already have a role; an admin changes roles");
    }

    private static ApiProblem unavailable() {
        return ApiProblem.unavailable(ProblemType.TEMPORARILY_UNAVAILABLE,
                "your role could not be recorded with the sign-in service just now; try again in a minute", 60);
    }

}
