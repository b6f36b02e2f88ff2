package io.launchpad.api.notification;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.util.UUID;
import java.time.LocalDate;

/**
 * Where features report what happened. {@link #record} writes the event inside the
 * caller's transaction (a rolled-back write notifies nobody); the fan-out finds who
 * should hear of it later. An event key names the event, so recording the same event
 * twice notifies nobody twice.
 */
@Service
public class Notifications {

    /**
     * Something people may want to hear about; {@code subjectId} names the response,
     * pilot or milestone.
     */
    public record Event(String kind, String key, @Nullable UUID challengeId, @Nullable UUID subjectId, String title,
            @Nullable UUID organisationId, @Nullable String link) {

        public Event(String kind, String key, @Nullable UUID challengeId, @Nullable UUID subjectId, String title) {
            this(kind, key, challengeId, subjectId, title, null, null);
        }

        /**
         * To the organisation that owns the item: an administrator hid it, with the
         * reason they gave. {@code actionId} (the moderation trail's row) makes each
         * hiding its own event.
         */
        public static Event contentHidden(long actionId, UUID organisationId, String link, String title,
                String reason) {
            return new Event("content-hidden", "content-hidden:" + actionId, null, null,
                    "An administrator hid \u201c" + title + "\u201d: " + reason, organisationId, link);
        }

        /** To the owner: the hidden item is shown again. */
        public static Event contentRestored(long actionId, UUID organisationId, String link, String title) {
            return new Event("content-restored", "content-restored:" + actionId, null, null,
                    "An administrator restored \u201c" + title + "\u201d: it is shown again", organisationId, link);
        }

        public static Event challengePublished(UUID challengeId, String title) {
            return new Event("challenge-published", "challenge-published:" + challengeId, challengeId, null,
                    "New challenge: " + title);
        }

        public static Event answerPublished(UUID challengeId, String challengeTitle, UUID questionId) {
            return new Event("answer-published", "answer-published:" + questionId, challengeId, questionId,
                    "A clarification answer was published on " + challengeTitle);
        }

        public static Event responseOutcome(UUID challengeId, String challengeTitle, UUID responseId, String outcome) {
            return new Event("response-outcome", "response-outcome:" + responseId, challengeId, responseId,
                    "Outcome of your response to " + challengeTitle + ": " + outcome);
        }

        public static Event closingSoon(UUID challengeId, String challengeTitle, LocalDate closingDate) {
            return new Event("closing-soon", "closing-soon:" + challengeId + ":" + closingDate, challengeId, null,
                    challengeTitle + " closes on " + closingDate);
        }

        /**
         * The last day questions are taken is near; the date in the key makes it once per
         * window.
         */
        public static Event questionWindowClosing(UUID challengeId, String challengeTitle, LocalDate lastQuestionDay) {
            return new Event("question-window-closing",
                    "question-window-closing:" + challengeId + ":" + lastQuestionDay, challengeId, null,
                    "Questions on " + challengeTitle + " close at the end of " + lastQuestionDay);
        }

        /**
         * To the association: a supplier asked a clarification question, which waits for
         * its answer.
         */
        public static Event questionAsked(UUID challengeId, String challengeTitle, UUID questionId) {
            return new Event("question-asked", "question-asked:" + questionId, challengeId, questionId,
                    "A supplier asked a question about " + challengeTitle);
        }

        /** To the association: a supplier submitted a response. */
        public static Event responseSubmitted(UUID challengeId, String challengeTitle, UUID responseId) {
            return new Event("response-submitted", "response-submitted:" + responseId, challengeId, responseId,
                    "A supplier submitted a response to " + challengeTitle);
        }

        /**
         * To followers and suppliers who asked or started a response: the association
         * closed it before its date.
         */
        public static Event challengeClosedEarly(UUID challengeId, String challengeTitle) {
            return new Event("challenge-closed-early", "challenge-closed-early:" + challengeId, challengeId, null,
                    challengeTitle + " was closed early: it takes no more responses or questions");
        }

        /**
         * To the candidate: the association moved their application on (shortlisted,
         * interview, appointed, declined). Each status is its own event, so every
         * decision is heard once. No challenge: board roles are not challenges; the
         * subject is the application.
         */
        public static Event applicationDecided(UUID applicationId, String roleTitle, String statusCode,
                String statusInWords) {
            return new Event("application-decided", "application-decided:" + applicationId + ":" + statusCode, null,
                    applicationId, "Your application for " + roleTitle + ": " + statusInWords);
        }

        /**
         * Closed at its closing date (no notification of its own; partner systems hear of
         * it).
         */
        public static Event challengeClosed(UUID challengeId, String title) {
            return new Event("challenge-closed", "challenge-closed:" + challengeId, challengeId, null,
                    "Closed to responses: " + title);
        }

        /**
         * The association awarded the challenge (each responding supplier hears through
         * response-outcome).
         */
        public static Event challengeAwarded(UUID challengeId, String title, UUID responseId) {
            return new Event("challenge-awarded", "challenge-awarded:" + challengeId, challengeId, responseId,
                    "Awarded: " + title);
        }

        /** A pilot milestone's status or date changed; each change is its own event. */
        public static Event milestoneUpdated(UUID challengeId, UUID milestoneId, String status) {
            return new Event("milestone-updated", "milestone-updated:" + milestoneId + ":" + UUID.randomUUID(),
                    challengeId, milestoneId, "Pilot milestone is now " + status);
        }

        public static Event milestoneDue(UUID challengeId, UUID milestoneId, String milestone, LocalDate dueOn) {
            return new Event("milestone-due", "milestone-due:" + milestoneId + ":" + dueOn, challengeId, milestoneId,
                    "Pilot milestone due on " + dueOn + ": " + milestone);
        }
    }

    private final DatabaseClient db;

    Notifications(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> record(Event event) {
        // one statement: the event, and its place in the webhook fan-out's queue (issue
        // 14)
        var spec = db
            .sql("""
                    with recorded as (
                        insert into notification_event (kind, event_key, challenge_id, subject_id, title, organisation_id, link)
                        values (:kind, :key, :challenge, :subject, :title, :organisation, :link)
                        on conflict (event_key) do nothing returning id)
                    insert into webhook_pending (event_id) select id from recorded""")
            .bind("kind", event.kind())
            .bind("key", event.key())
            .bind("title", event.title());
        spec = event.challengeId() == null ? spec.bindNull("challenge", UUID.class)
                : spec.bind("challenge", event.challengeId());
        spec = event.subjectId() == null ? spec.bindNull("subject", UUID.class)
                : spec.bind("subject", event.subjectId());
        spec = event.organisationId() == null ? spec.bindNull("organisation", UUID.class)
                : spec.bind("organisation", event.organisationId());
        spec = event.link() == null ? spec.bindNull("link", String.class) : spec.bind("link", event.link());
        return spec.then();
    }

}
