package io.launchpad.api.organisation;

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
class InvitationRepository {

    private static final String SELECT = """
            select i.*, o.name as organisation_name, o.type as organisation_type
            from organisation_invitation i join organisation o on o.id = i.organisation_id
            """;

    /**
     * Who an invitation is for: by subject when it names one; by email only when it names
     * no subject (then the token's email claim is what identifies the person).
     */
    private static final String ADDRESSED_TO = """
            (i.invitee_subject = :subject
             or (i.invitee_subject is null and :email <> '' and lower(i.invitee_email) = lower(:email)))
            """;

    private final DatabaseClient db;

    InvitationRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Invitation> insert(UUID id, UUID organisationId, String inviteeSubject, String inviteeEmail, String invitedBy,
            Instant expiresAt) {
        var spec = db.sql("""
                insert into organisation_invitation
                    (id, organisation_id, invitee_subject, invitee_email, invited_by_subject, expires_at)
                values (:id, :org, :subject, :email, :by, :expires)""")
            .bind("id", id)
            .bind("org", organisationId)
            .bind("by", invitedBy)
            .bind("expires", expiresAt);
        spec = inviteeSubject == null ? spec.bindNull("subject", String.class) : spec.bind("subject", inviteeSubject);
        spec = inviteeEmail == null ? spec.bindNull("email", String.class) : spec.bind("email", inviteeEmail);
        return spec.then().then(find(id));
    }

    Mono<Invitation> find(UUID id) {
        return db.sql(SELECT + " where i.id = :id").bind("id", id).map(InvitationRepository::invitation).one();
    }

    /**
     * A pending, unexpired invitation of the organisation for the same person, if one was
     * already sent.
     */
    Mono<Invitation> pendingFor(UUID organisationId, String inviteeSubject, String inviteeEmail, Instant now) {
        return db.sql(SELECT + """
                where i.organisation_id = :org and i.status = 'pending' and i.expires_at > :now
                  and (i.invitee_subject = :subject or lower(i.invitee_email) = lower(:email))
                order by i.created_at limit 1""")
            .bind("org", organisationId)
            .bind("now", now)
            .bind("subject", inviteeSubject == null ? "" : inviteeSubject)
            .bind("email", inviteeEmail == null ? "" : inviteeEmail)
            .map(InvitationRepository::invitation)
            .one();
    }

    Flux<Invitation> pendingAddressedTo(String subject, @Nullable String email, Instant now) {
        return db
            .sql(SELECT + " where i.status = 'pending' and i.expires_at > :now and " + ADDRESSED_TO
                    + " order by i.created_at, i.id")
            .bind("now", now)
            .bind("subject", subject)
            .bind("email", email == null ? "" : email)
            .map(InvitationRepository::invitation)
            .all()
            .as(Rows::whole);
    }

    Mono<Invitation> addressedTo(UUID id, String subject, @Nullable String email) {
        return db.sql(SELECT + " where i.id = :id and " + ADDRESSED_TO)
            .bind("id", id)
            .bind("subject", subject)
            .bind("email", email == null ? "" : email)
            .map(InvitationRepository::invitation)
            .one();
    }

    /** Answers a pending invitation; 0 rows when someone answered it first. */
    Mono<Long> answer(UUID id, String subject, Invitation.Status answer) {
        return db.sql("""
                update organisation_invitation set status = :status, invitee_subject = :subject, responded_at = now()
                where id = :id and status = 'pending'""")
            .bind("id", id)
            .bind("subject", subject)
            .bind("status", answer.code())
            .fetch()
            .rowsUpdated();
    }

    Mono<String> subjectWithEmail(String email) {
        // only an unambiguous address names a person: two accounts sharing it name nobody
        return db
            .sql("select min(subject) as subject from person where lower(email) = lower(:email) having count(*) = 1")
            .bind("email", email)
            .map(row -> row.get("subject", String.class))
            .one();
    }

    // --- personal data
    // -------------------------------------------------------------------------

    private static final String CONCERNING = """
            (invitee_subject = :s or invited_by_subject = :s
             or lower(invitee_email) = (select lower(email) from person where subject = :s))""";

    Flux<String> concerning(String subject) {
        return db
            .sql("select to_jsonb(i)::text as row from organisation_invitation i where " + CONCERNING
                    + " order by created_at")
            .bind("s", subject)
            .map(row -> row.get("row", String.class))
            .all()
            .as(Rows::whole);
    }

    /**
     * Invitations to the person go; ones they sent stay with the organisation, without
     * their name.
     */
    Mono<Long> eraseFor(String subject) {
        return db
            .sql("""
                    delete from organisation_invitation
                    where invitee_subject = :s or lower(invitee_email) = (select lower(email) from person where subject = :s)""")
            .bind("s", subject)
            .fetch()
            .rowsUpdated()
            .flatMap(deleted -> db.sql("""
                    update organisation_invitation set invited_by_subject = 'erased-' || gen_random_uuid()
                    where invited_by_subject = :s""")
                .bind("s", subject)
                .fetch()
                .rowsUpdated()
                .map(updated -> deleted + updated));
    }

    private static Invitation invitation(Readable row) {
        return new Invitation(row.get("id", UUID.class), row.get("organisation_id", UUID.class),
                row.get("organisation_name", String.class),
                OrganisationType.fromCode(row.get("organisation_type", String.class)),
                row.get("invitee_subject", String.class), row.get("invitee_email", String.class),
                Invitation.Status.fromCode(row.get("status", String.class)), row.get("created_at", Instant.class),
                row.get("expires_at", Instant.class));
    }

}
