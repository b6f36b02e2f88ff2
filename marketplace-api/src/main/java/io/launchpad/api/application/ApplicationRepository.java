package io.launchpad.api.application;

import io.launchpad.api.database.Rows;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

@Repository
class ApplicationRepository {

    private final DatabaseClient db;

    ApplicationRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<BoardApplication> insert(UUID roleId, UUID candidateId, String statement) {
        return db.sql("""
                insert into board_application (id, board_role_id, candidate_id, statement, status)
                values (:id, :role, :candidate, :statement, 'submitted')
                on conflict (board_role_id, candidate_id) do nothing
                returning *""")
            .bind("id", UUID.randomUUID())
            .bind("role", roleId)
            .bind("candidate", candidateId)
            .bind("statement", statement)
            .map(ApplicationRepository::application)
            .one();
    }

    Mono<BoardApplication> find(UUID id) {
        return db.sql("select * from board_application where id = :id")
            .bind("id", id)
            .map(ApplicationRepository::application)
            .one();
    }

    Flux<BoardApplication> forRole(UUID roleId) {
        return db.sql("select * from board_application where board_role_id = :role order by created_at, id")
            .bind("role", roleId)
            .map(ApplicationRepository::application)
            .all()
            .as(Rows::whole);
    }

    Flux<BoardApplication> forCandidate(UUID candidateId) {
        return db.sql("select * from board_application where candidate_id = :c order by created_at desc, id")
            .bind("c", candidateId)
            .map(ApplicationRepository::application)
            .all()
            .as(Rows::whole);
    }

    Mono<BoardApplication> changeStatus(UUID id, long expectedVersion, BoardApplication.Status status,
            @Nullable String feedback) {
        var spec = db.sql("""
                update board_application set status = :status, feedback = coalesce(:feedback, feedback),
                    identity_revealed_at = case when :status in ('interview', 'appointed')
                        then coalesce(identity_revealed_at, now()) else identity_revealed_at end,
                    updated_at = now(), version = version + 1
                where id = :id and version = :version
                returning *""").bind("id", id).bind("version", expectedVersion).bind("status", status.code());
        spec = feedback == null ? spec.bindNull("feedback", String.class) : spec.bind("feedback", feedback);
        return spec.map(ApplicationRepository::application).one();
    }

    /** Keeps the counts (role, outcome, month) and removes the person's applications. */
    Mono<Long> anonymiseForCandidate(UUID candidateId) {
        return db.sql("""
                insert into board_application_statistic (board_role_id, final_status, submitted_month)
                select board_role_id, status, date_trunc('month', created_at)::date
                from board_application where candidate_id = :c""")
            .bind("c", candidateId)
            .then()
            .then(db.sql("delete from board_application where candidate_id = :c")
                .bind("c", candidateId)
                .fetch()
                .rowsUpdated());
    }

    private static BoardApplication application(Readable row) {
        return new BoardApplication(row.get("id", UUID.class), row.get("board_role_id", UUID.class),
                row.get("candidate_id", UUID.class), row.get("statement", String.class),
                Objects.requireNonNull(BoardApplication.Status.fromCode(row.get("status", String.class)),
                        "the status column holds one of the codes"),
                row.get("feedback", String.class), row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class), row.get("identity_revealed_at", Instant.class),
                row.get("version", Long.class));
    }

}
