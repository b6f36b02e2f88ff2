package io.launchpad.api.board;

import io.launchpad.api.database.Rows;
import io.launchpad.api.candidate.SkillLevel;
import io.launchpad.api.web.Cursor;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

@Repository
class BoardRoleRepository {

    private static final TypeReference<List<SkillLevel>> SKILLS = new TypeReference<>() {
    };

    private static final TypeReference<List<String>> WORDS = new TypeReference<>() {
    };

    private final DatabaseClient db;

    private final JsonMapper json;

    BoardRoleRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Mono<BoardRole> insert(UUID organisationId, BoardRoleFields fields) {
        return bind(db.sql("""
                insert into board_role (id, organisation_id, title, description, skills_matrix, skill_gaps,
                    time_commitment, hours_per_month, remuneration, remuneration_detail, region, remote, closing_date,
                    diversity_aims, attendance, governance_experience_required, skill_gaps_in_words, status)
                values (:id, :org, :title, :description, :matrix, :gaps, :time, :hours, :remuneration, :detail,
                    :region, :remote, :closing, :diversity, :attendance, :governance, :gapsInWords, 'draft')
                returning *""").bind("id", UUID.randomUUID()).bind("org", organisationId), fields).map(this::role)
            .one();
    }

    Mono<BoardRole> update(UUID id, long expectedVersion, BoardRoleFields fields) {
        return bind(db.sql("""
                update board_role set title = :title, description = :description, skills_matrix = :matrix,
                    skill_gaps = :gaps, time_commitment = :time, hours_per_month = :hours,
                    remuneration = :remuneration, remuneration_detail = :detail, region = :region, remote = :remote,
                    closing_date = :closing, diversity_aims = :diversity, attendance = :attendance,
                    governance_experience_required = :governance, skill_gaps_in_words = :gapsInWords,
                    updated_at = now(), version = version + 1
                where id = :id and version = :version
                returning *""").bind("id", id).bind("version", expectedVersion), fields).map(this::role).one();
    }

    Mono<BoardRole> changeStatus(UUID id, long expectedVersion, BoardRole.Status status) {
        return db.sql("""
                update board_role set status = :status, updated_at = now(), version = version + 1,
                    published_at = case when :status = 'open' then coalesce(published_at, now()) else published_at end
                where id = :id and version = :version
                returning *""")
            .bind("id", id)
            .bind("version", expectedVersion)
            .bind("status", status.name().toLowerCase())
            .map(this::role)
            .one();
    }

    Mono<BoardRole> find(UUID id) {
        return db.sql("select * from board_role where id = :id").bind("id", id).map(this::role).one();
    }

    Flux<BoardRole> findAll(Collection<UUID> ids) {
        return db.sql("select * from board_role where id = any(:ids)")
            .bind("ids", ids.toArray(UUID[]::new))
            .map(this::role)
            .all()
            .as(Rows::whole);
    }

    /**
     * Every role, drafts and closed ones included (a full reindex, the consistency
     * check).
     */
    Flux<BoardRole> all() {
        return db.sql("select * from board_role order by id").map(this::role).all().as(Rows::whole);
    }

    /**
     * Sets (or, with null, clears) the moderation mark; a new version, so the index takes
     * the change.
     */
    Mono<BoardRole> setHidden(UUID id, @Nullable String reason) {
        var spec = db
            .sql("update board_role set hidden_reason = :reason, version = version + 1 where id = :id returning *")
            .bind("id", id);
        return (reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason)).map(this::role)
            .one();
    }

    /**
     * Open roles, or (when {@code includeDrafts}) all of one organisation's roles, newest
     * first.
     */
    Flux<BoardRole> list(@Nullable UUID organisationId, boolean includeDrafts, @Nullable Cursor after, int limit) {
        var spec = db.sql("""
                select * from board_role
                where (cast(:org as uuid) is null or organisation_id = :org)
                  and (status = 'open' or (:drafts and organisation_id = :org))
                  and (hidden_reason is null or (:drafts and organisation_id = :org))
                  and (cast(:afterAt as timestamptz) is null or (created_at, id) < (:afterAt, :afterId))
                order by created_at desc, id desc limit :limit""");
        spec = organisationId == null ? spec.bindNull("org", UUID.class) : spec.bind("org", organisationId);
        spec = after == null ? spec.bindNull("afterAt", Instant.class).bindNull("afterId", UUID.class)
                : spec.bind("afterAt", after.at()).bind("afterId", after.id());
        return spec.bind("drafts", includeDrafts).bind("limit", limit).map(this::role).all().as(Rows::whole);
    }

    private DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, BoardRoleFields f) {
        spec = spec.bind("title", f.title())
            .bind("description", f.description())
            .bind("matrix", Json.of(json.writeValueAsString(f.skillsMatrix())))
            .bind("gaps", Json.of(json.writeValueAsString(f.skillGaps())))
            .bind("time", f.timeCommitment())
            .bind("hours", f.hoursPerMonth())
            .bind("remuneration", f.remuneration())
            .bind("region", f.region())
            .bind("remote", Objects.requireNonNull(f.remote(), "set by normalised()"))
            .bind("closing", f.closingDate())
            .bind("attendance", Objects.requireNonNull(f.attendance(), "set by normalised()"))
            .bind("governance", Boolean.TRUE.equals(f.governanceExperienceRequired()))
            .bind("gapsInWords", Json.of(json.writeValueAsString(f.skillGapsInWords())));
        spec = f.remunerationDetail() == null ? spec.bindNull("detail", String.class)
                : spec.bind("detail", f.remunerationDetail());
        return f.diversityAims() == null ? spec.bindNull("diversity", String.class)
                : spec.bind("diversity", f.diversityAims());
    }

    /** Rows written before attendance existed say only whether the role is remote. */
    private static String attendance(String stated, boolean remote) {
        return stated != null ? stated : remote ? "remote" : "in-person";
    }

    private BoardRole role(Readable row) {
        return new BoardRole(row.get("id", UUID.class), row.get("organisation_id", UUID.class),
                row.get("title", String.class), row.get("description", String.class),
                json.readValue(row.get("skills_matrix", Json.class).asString(), SKILLS),
                json.readValue(row.get("skill_gaps", Json.class).asString(), SKILLS),
                row.get("time_commitment", String.class), row.get("hours_per_month", Integer.class),
                row.get("remuneration", String.class), row.get("remuneration_detail", String.class),
                row.get("region", String.class), Boolean.TRUE.equals(row.get("remote", Boolean.class)),
                row.get("closing_date", LocalDate.class), row.get("diversity_aims", String.class),
                BoardRole.Status.valueOf(row.get("status", String.class).toUpperCase()),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class),
                row.get("published_at", Instant.class), row.get("version", Long.class),
                attendance(row.get("attendance", String.class), Boolean.TRUE.equals(row.get("remote", Boolean.class))),
                Boolean.TRUE.equals(row.get("governance_experience_required", Boolean.class)),
                json.readValue(row.get("skill_gaps_in_words", Json.class).asString(), WORDS),
                row.get("hidden_reason", String.class));
    }

}
