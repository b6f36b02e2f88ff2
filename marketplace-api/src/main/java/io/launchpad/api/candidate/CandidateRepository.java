package io.launchpad.api.candidate;

import io.launchpad.api.database.Rows;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

@Repository
class CandidateRepository {

    private static final TypeReference<List<SkillLevel>> SKILLS = new TypeReference<>() {
    };

    private static final TypeReference<List<Experience>> EXPERIENCE = new TypeReference<>() {
    };

    private static final TypeReference<List<SkillInWords>> SKILLS_IN_WORDS = new TypeReference<>() {
    };

    private static final TypeReference<List<String>> SECTORS = new TypeReference<>() {
    };

    private final DatabaseClient db;

    private final JsonMapper json;

    CandidateRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Mono<CandidateProfile> insert(String subject, CandidateFields fields) {
        return bind(db.sql("""
                insert into candidate_profile (id, subject, name, email, phone, photo_url, date_of_birth, headline,
                    skills, experience, governance_experience, governance_years, lived_experience, availability,
                    hours_per_month, region, remote, visibility, skills_in_words, sectors, experience_summary)
                values (:id, :subject, :name, :email, :phone, :photoUrl, :dob, :headline, :skills, :experience,
                    :governance, :governanceYears, :lived, :availability, :hours, :region, :remote, :visibility,
                    :skillsInWords, :sectors, :summary)
                returning *""").bind("id", UUID.randomUUID()).bind("subject", subject), fields).map(this::profile)
            .one();
    }

    /**
     * Writes only when the stored version is the one the caller read; empty otherwise.
     */
    Mono<CandidateProfile> update(UUID id, long expectedVersion, CandidateFields fields) {
        return bind(db.sql("""
                update candidate_profile set name = :name, email = :email, phone = :phone, photo_url = :photoUrl,
                    date_of_birth = :dob, headline = :headline, skills = :skills, experience = :experience,
                    governance_experience = :governance, governance_years = :governanceYears,
                    lived_experience = :lived, availability = :availability, hours_per_month = :hours,
                    region = :region, remote = :remote, visibility = :visibility, skills_in_words = :skillsInWords,
                    sectors = :sectors, experience_summary = :summary, updated_at = now(),
                    last_active_at = now(), retention_warned_at = null, version = version + 1
                where id = :id and version = :version
                returning *""").bind("id", id).bind("version", expectedVersion), fields).map(this::profile).one();
    }

    Mono<CandidateProfile> find(UUID id) {
        return db.sql("select * from candidate_profile where id = :id").bind("id", id).map(this::profile).one();
    }

    Flux<CandidateProfile> findAll(Collection<UUID> ids) {
        return db.sql("select * from candidate_profile where id = any(:ids)")
            .bind("ids", ids.toArray(UUID[]::new))
            .map(this::profile)
            .all()
            .as(Rows::whole);
    }

    Mono<CandidateProfile> findBySubject(String subject) {
        return db.sql("select * from candidate_profile where subject = :s").bind("s", subject).map(this::profile).one();
    }

    Flux<CandidateProfile> matchable() {
        return db.sql("select * from candidate_profile where visibility <> 'private' order by id")
            .map(this::profile)
            .all()
            .as(Rows::whole);
    }

    /**
     * Marks the person active (signing in and acting keeps a profile from the retention
     * job).
     */
    Mono<Void> touch(String subject) {
        return db
            .sql("update candidate_profile set last_active_at = now(), retention_warned_at = null where subject = :s")
            .bind("s", subject)
            .then();
    }

    Flux<CandidateProfile> inactiveUnwarned(Instant inactiveSince, int limit) {
        return db.sql("""
                select * from candidate_profile where last_active_at < :since and retention_warned_at is null
                order by last_active_at limit :limit""")
            .bind("since", inactiveSince)
            .bind("limit", limit)
            .map(this::profile)
            .all()
            .as(Rows::whole);
    }

    Flux<CandidateProfile> warnedLongEnough(Instant warnedBefore, int limit) {
        return db.sql("""
                select * from candidate_profile where retention_warned_at < :before
                  and last_active_at < retention_warned_at
                order by retention_warned_at limit :limit""")
            .bind("before", warnedBefore)
            .bind("limit", limit)
            .map(this::profile)
            .all()
            .as(Rows::whole);
    }

    Mono<Void> markWarned(UUID id) {
        return db.sql("update candidate_profile set retention_warned_at = now() where id = :id").bind("id", id).then();
    }

    /** Test and demo hook: makes a profile look inactive for the given time. */
    Mono<Void> backdate(UUID id, Duration inactiveFor, Duration warnedAgo) {
        var spec = db.sql("""
                update candidate_profile set last_active_at = now() - cast(:inactive as interval),
                    retention_warned_at = case when cast(:warned as text) is null then retention_warned_at
                        else now() - cast(:warned as interval) end
                where id = :id""").bind("id", id).bind("inactive", inactiveFor.toSeconds() + " seconds");
        spec = warnedAgo == null ? spec.bindNull("warned", String.class)
                : spec.bind("warned", warnedAgo.toSeconds() + " seconds");
        return spec.then();
    }

    /** The version the profile had when it went; empty when there was none. */
    Mono<Long> delete(UUID id) {
        return db.sql("delete from candidate_profile where id = :id returning version")
            .bind("id", id)
            .map(row -> row.get("version", Long.class))
            .one();
    }

    private DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, CandidateFields f) {
        spec = spec.bind("name", f.name())
            .bind("email", f.email())
            .bind("headline", f.headline())
            .bind("skills", Json.of(json.writeValueAsString(f.skills())))
            .bind("experience", Json.of(json.writeValueAsString(f.experience())))
            .bind("governanceYears", f.governanceYears() == null ? 0 : f.governanceYears())
            .bind("availability", f.availability())
            .bind("hours", f.hoursPerMonth())
            .bind("region", f.region())
            .bind("remote", f.remote())
            .bind("visibility", Objects.requireNonNull(f.visibility(), "set by normalised()"))
            .bind("skillsInWords", Json.of(json.writeValueAsString(f.skillsInWords())))
            .bind("sectors", Json.of(json.writeValueAsString(f.sectors())));
        spec = nullable(spec, "summary", f.experienceSummary(), String.class);
        spec = nullable(spec, "phone", f.phone(), String.class);
        spec = nullable(spec, "photoUrl", f.photoUrl(), String.class);
        spec = nullable(spec, "dob", f.dateOfBirth(), LocalDate.class);
        spec = nullable(spec, "governance", f.governanceExperience(), String.class);
        return nullable(spec, "lived", f.livedExperience(), String.class);
    }

    private static <T> DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name,
            @Nullable T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private CandidateProfile profile(Readable row) {
        return new CandidateProfile(row.get("id", UUID.class), row.get("subject", String.class),
                new CandidateProfile.Identity(row.get("name", String.class), row.get("email", String.class),
                        row.get("phone", String.class), row.get("photo_url", String.class),
                        row.get("date_of_birth", LocalDate.class)),
                row.get("headline", String.class), json.readValue(row.get("skills", Json.class).asString(), SKILLS),
                json.readValue(row.get("experience", Json.class).asString(), EXPERIENCE),
                row.get("governance_experience", String.class), row.get("governance_years", Integer.class),
                row.get("lived_experience", String.class), row.get("availability", String.class),
                row.get("hours_per_month", Integer.class), row.get("region", String.class),
                Boolean.TRUE.equals(row.get("remote", Boolean.class)),
                CandidateProfile.Visibility.fromCode(row.get("visibility", String.class)),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class),
                row.get("last_active_at", Instant.class), row.get("retention_warned_at", Instant.class),
                row.get("version", Long.class),
                json.readValue(row.get("skills_in_words", Json.class).asString(), SKILLS_IN_WORDS),
                json.readValue(row.get("sectors", Json.class).asString(), SECTORS),
                row.get("experience_summary", String.class));
    }

}
