package io.launchpad.api.privacy;

import io.launchpad.api.database.Rows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.Set;

/**
 * Deleting the Keycloak account of a person who erased their data, as an outbox: the
 * erasure's transaction records the deletion, the request then tries it at once, and a
 * job retries what Keycloak could not take then. The row names the person only until
 * Keycloak confirms.
 */
@Service
public class SignInAccountDeletions implements PersonalData {

    private static final Logger log = LoggerFactory.getLogger(SignInAccountDeletions.class);

    /** What became of the sign-in account after an erasure. */
    public enum Outcome {

        DELETED("deleted"), PENDING("deletion-pending");

        private final String code;

        Outcome(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

    }

    private final DatabaseClient db;

    private final SignInAccounts accounts;

    SignInAccountDeletions(DatabaseClient db, SignInAccounts accounts) {
        this.db = db;
        this.accounts = accounts;
    }

    /**
     * Records the deletion inside the erasure's transaction; a second erasure keeps the
     * first request.
     */
    Mono<Void> record(String subject, UUID erasureId) {
        return db.sql("""
                insert into sign_in_account_deletion (subject, erasure_id) values (:subject, :erasure)
                on conflict (subject) do nothing""").bind("subject", subject).bind("erasure", erasureId).then();
    }

    /**
     * Asks Keycloak now; the row goes when it confirms, and stays (with the reason) when
     * it cannot.
     */
    Mono<Outcome> attempt(String subject) {
        return accounts.delete(subject)
            .then(db.sql("delete from sign_in_account_deletion where subject = :subject")
                .bind("subject", subject)
                .then())
            .thenReturn(Outcome.DELETED)
            .onErrorResume(error -> failed(subject, error).thenReturn(Outcome.PENDING));
    }

    /**
     * Tries every pending deletion once, oldest first; returns how many Keycloak
     * confirmed.
     */
    Mono<Long> retryPending() {
        return db.sql("select subject from sign_in_account_deletion order by requested_at limit 100")
            .map(row -> row.get("subject", String.class))
            .all()
            .as(Rows::whole)
            .concatMap(this::attempt)
            .filter(Outcome.DELETED::equals)
            .count();
    }

    @Scheduled(initialDelayString = "${launchpad.identity.account-admin.retry-interval:PT5M}",
            fixedDelayString = "${launchpad.identity.account-admin.retry-interval:PT5M}")
    void scheduled() {
        try {
            retryPending().block(Duration.ofMinutes(5));
        }
        catch (RuntimeException e) {
            log.atWarn().setCause(e).log("retrying sign-in account deletions failed; will retry");
        }
    }

    private Mono<Void> failed(String subject, Throwable error) {
        // the reason only: logging the subject would keep in the logs whom was just
        // erased
        log.warn("deleting a sign-in account in Keycloak failed ({}); it stays pending and is retried",
                error.toString());
        String reason = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return db.sql("""
                update sign_in_account_deletion set attempts = attempts + 1, last_attempt_at = now(),
                       last_error = :error where subject = :subject""")
            .bind("error", reason.length() > 500 ? reason.substring(0, 500) : reason)
            .bind("subject", subject)
            .then();
    }

    @Override
    public String section() {
        return "signInAccountDeletion";
    }

    @Override
    public Set<String> tables() {
        return Set.of("sign_in_account_deletion");
    }

    @Override
    public int erasureOrder() {
        return 100;
    }

    @Override
    public Mono<Object> export(String subject) {
        return db.sql("select requested_at, attempts from sign_in_account_deletion where subject = :subject")
            .bind("subject", subject)
            .map(row -> {
                Map<String, Object> pending = new LinkedHashMap<>();
                pending.put("requestedAt", row.get("requested_at", Instant.class));
                pending.put("attempts", row.get("attempts", Integer.class));
                return (Object) pending;
            })
            .one()
            .defaultIfEmpty(Map.of());
    }

    /**
     * Nothing to erase: a row here is erasure's own unfinished work, which must outlive
     * the erasure that asked for it until Keycloak confirms; then it is deleted
     * ({@link #attempt}).
     */
    @Override
    public Mono<Erased> erase(String subject) {
        return Mono.just(Erased.NOTHING);
    }

}
