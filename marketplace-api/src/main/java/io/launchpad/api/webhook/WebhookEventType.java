package io.launchpad.api.webhook;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a partner system may subscribe to, the recorded events each comes from, and which
 * organisations' endpoints may hear of it: public events reach any subscriber; an
 * organisation's own work (a question to answer, a response to read, its pilot) reaches
 * only that organisation.
 */
enum WebhookEventType {

    CHALLENGE_PUBLISHED("challenge.published", Set.of("challenge-published"), Audience.ANYONE),
    CHALLENGE_CLOSED("challenge.closed", Set.of("challenge-closed", "challenge-closed-early"), Audience.ANYONE),
    CHALLENGE_AWARDED("challenge.awarded", Set.of("challenge-awarded"), Audience.ANYONE),
    QUESTION_ASKED("question.asked", Set.of("question-asked"), Audience.CHALLENGE_OWNER),
    QUESTION_ANSWERED("question.answered", Set.of("answer-published"), Audience.ANYONE),
    RESPONSE_SUBMITTED("response.submitted", Set.of("response-submitted"), Audience.CHALLENGE_OWNER),
    RESPONSE_DECIDED("response.decided", Set.of("response-outcome"), Audience.RESPONDING_SUPPLIER),
    MILESTONE_DUE("pilot.milestone-due", Set.of("milestone-due"), Audience.PILOT_PARTIES),
    MILESTONE_UPDATED("pilot.milestone-updated", Set.of("milestone-updated"), Audience.PILOT_PARTIES),
    APPLICATION_DECIDED("application.decided", Set.of("application-decided"), Audience.ROLE_OWNER);

    /**
     * Whose endpoints hear of an event, as SQL giving the organisations (null: any
     * organisation).
     */
    enum Audience {

        ANYONE(null), CHALLENGE_OWNER("select organisation_id from challenge where id = :challenge"),
        RESPONDING_SUPPLIER("select supplier_organisation_id from challenge_response where id = :subject"),
        PILOT_PARTIES("""
                select association_organisation_id from pilot where challenge_id = :challenge
                union select supplier_organisation_id from pilot where challenge_id = :challenge"""), ROLE_OWNER("""
                select r.organisation_id from board_application a join board_role r on r.id = a.board_role_id
                where a.id = :subject""");

        private final @Nullable String organisations;

        Audience(@Nullable String organisations) {
            this.organisations = organisations;
        }

        @Nullable String organisations() {
            return organisations;
        }

    }

    private final String code;

    private final Set<String> kinds;

    private final Audience audience;

    WebhookEventType(String code, Set<String> kinds, Audience audience) {
        this.code = code;
        this.kinds = kinds;
        this.audience = audience;
    }

    String code() {
        return code;
    }

    Audience audience() {
        return audience;
    }

    static Optional<WebhookEventType> ofCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }

    static Optional<WebhookEventType> ofKind(String kind) {
        return Arrays.stream(values()).filter(type -> type.kinds.contains(kind)).findFirst();
    }

    static List<String> codes() {
        return Arrays.stream(values()).map(WebhookEventType::code).toList();
    }

}
