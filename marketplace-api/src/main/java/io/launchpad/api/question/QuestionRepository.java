package io.launchpad.api.question;

import io.launchpad.api.database.Rows;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

@Repository
class QuestionRepository {

    private final DatabaseClient db;

    QuestionRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Question> insert(UUID challengeId, String subject, UUID organisationId, String text) {
        UUID id = UUID.randomUUID();
        return db.sql("""
                insert into challenge_question (id, challenge_id, asked_by_subject, asked_by_organisation_id, question)
                values (:id, :challenge, :subject, :org, :question)""")
            .bind("id", id)
            .bind("challenge", challengeId)
            .bind("subject", subject)
            .bind("org", organisationId)
            .bind("question", text)
            .then()
            .then(find(id));
    }

    /** Answers once: a second answer to the same question changes nothing (0 rows). */
    Mono<Long> answer(UUID id, String answer) {
        return db.sql(
                "update challenge_question set answer = :answer, answered_at = now() where id = :id and answer is null")
            .bind("id", id)
            .bind("answer", answer)
            .fetch()
            .rowsUpdated();
    }

    /** Sets (or, with null, clears) the moderation mark. */
    Mono<Question> setHidden(UUID id, @Nullable String reason) {
        var spec = db.sql("update challenge_question set hidden_reason = :reason where id = :id returning *")
            .bind("id", id);
        return (reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason))
            .map(QuestionRepository::question)
            .one();
    }

    Mono<Question> find(UUID id) {
        return db.sql("select * from challenge_question where id = :id")
            .bind("id", id)
            .map(QuestionRepository::question)
            .one();
    }

    Flux<Question> forChallenge(UUID challengeId) {
        return db.sql("select * from challenge_question where challenge_id = :challenge order by asked_at, id")
            .bind("challenge", challengeId)
            .map(QuestionRepository::question)
            .all()
            .as(Rows::whole);
    }

    private static Question question(Readable row) {
        return new Question(row.get("id", UUID.class), row.get("challenge_id", UUID.class),
                row.get("asked_by_subject", String.class), row.get("asked_by_organisation_id", UUID.class),
                row.get("question", String.class), row.get("answer", String.class), row.get("asked_at", Instant.class),
                row.get("answered_at", Instant.class), row.get("hidden_reason", String.class));
    }

}
