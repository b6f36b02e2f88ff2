package io.launchpad.api.privacy;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The person's rights over their data: export everything, erase everything. Both walk
 * every {@link PersonalData} bean, so a feature is covered by registering one.
 */
@Service
public class DataRights {

    private static final Logger log = LoggerFactory.getLogger(DataRights.class);

    public enum Reason {

        REQUEST, RETENTION

    }

    /**
     * @param signInAccount {@code deleted}: the Keycloak account is gone too;
     * {@code deletion-pending}: Keycloak could not be reached, the deletion is recorded
     * and retried; {@code kept}: erasure for retention, which leaves the account so the
     * person can come back
     * @param identityProvider the same in words, for people
     */
    public record ErasureReport(UUID erasureId, Instant erasedAt, long rowsRemoved, long indexDeletionsEnqueued,
            List<String> sections, String signInAccount, String identityProvider) {

        ErasureReport withSignInAccount(SignInAccountDeletions.Outcome outcome) {
            String words = outcome == SignInAccountDeletions.Outcome.DELETED ? "your sign-in account is deleted too"
                    : "your sign-in account could not be deleted just now; the deletion is recorded and retried"
                            + " until it is done";
            return new ErasureReport(erasureId, erasedAt, rowsRemoved, indexDeletionsEnqueued, sections, outcome.code(),
                    words);
        }
    }

    private final List<PersonalData> holders;

    private final DatabaseClient db;

    private final TransactionalOperator transactions;

    private final SignInAccountDeletions signInAccounts;

    DataRights(List<PersonalData> holders, DatabaseClient db, TransactionalOperator transactions,
            SignInAccountDeletions signInAccounts) {
        this.holders = holders.stream().sorted(Comparator.comparingInt(PersonalData::erasureOrder)).toList();
        this.db = db;
        this.transactions = transactions;
        this.signInAccounts = signInAccounts;
    }

    public Mono<Map<String, Object>> export(Caller caller) {
        String subject = requirePerson(caller);
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("subject", caller.subject());
        person.put("username", caller.username());
        person.put("name", caller.name());
        person.put("email", caller.email());
        person.put("roles", caller.roles().stream().map(r -> r.name().toLowerCase()).sorted().toList());
        return Flux.fromIterable(holders)
            .concatMap(holder -> holder.export(subject).map(data -> Map.entry(holder.section(), data)))
            .collect(() -> {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("exportedAt", Instant.now());
                document.put("person", person);
                return document;
            }, (document, entry) -> document.put(entry.getKey(), entry.getValue()));
    }

    /**
     * Erases the person everywhere in one transaction: either all of it goes or none of
     * it. On request the transaction also records that their Keycloak account must go;
     * that is tried once it commits (Keycloak is not part of the transaction), and
     * retried later when Keycloak cannot take it now.
     */
    public Mono<ErasureReport> erase(String subject, Reason reason) {
        UUID erasureId = UUID.randomUUID();
        boolean deleteAccount = reason == Reason.REQUEST;
        Mono<ErasureReport> erased = Flux.fromIterable(holders)
            .concatMap(holder -> holder.erase(subject))
            .reduce(PersonalData.Erased.NOTHING, PersonalData.Erased::plus)
            .flatMap(total -> (deleteAccount ? signInAccounts.record(subject, erasureId) : Mono.<Void>empty())
                .then(db.sql("""
                        insert into erasure_record (id, rows_removed, index_deletions_enqueued, reason)
                        values (:id, :rows, :index, :reason) returning erased_at""")
                    .bind("id", erasureId)
                    .bind("rows", (int) total.rows())
                    .bind("index", (int) total.indexDeletions())
                    .bind("reason", reason.name().toLowerCase())
                    .map(row -> new ErasureReport(erasureId, row.get("erased_at", Instant.class), total.rows(),
                            total.indexDeletions(), holders.stream().map(PersonalData::section).toList(), "kept",
                            "the sign-in account is kept, so you can sign in and start again"))
                    .one()))
            .as(transactions::transactional);
        return (deleteAccount ? erased.flatMap(report -> signInAccounts.attempt(subject).map(report::withSignInAccount))
                : erased)
            // the erasure id only: logging the subject would re-create what was just
            // erased
            .doOnNext(report -> log.info("erasure {} removed {} rows, enqueued {} index deletions ({})",
                    report.erasureId(), report.rowsRemoved(), report.indexDeletionsEnqueued(),
                    reason.name().toLowerCase()));
    }

    public Mono<ErasureReport> erase(Caller caller) {
        return erase(requirePerson(caller), Reason.REQUEST);
    }

    static String requirePerson(Caller caller) {
        if (caller.isAnonymous() || caller.isSystem()) {
            throw ApiProblem.forbidden("Only a signed-in person has personal data here");
        }
        return caller.subject();
    }

}
