package io.launchpad.api.question;

import io.launchpad.api.moderation.ModeratedContent;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * Public questions and answers can be hidden by an administrator: gone from the
 * challenge's public Q&A.
 */
@Component
class QuestionModeration implements ModeratedContent {

    private final Questions questions;

    QuestionModeration(Questions questions) {
        this.questions = questions;
    }

    @Override
    public String kind() {
        return "question";
    }

    @Override
    public Mono<Target> setHidden(UUID id, @Nullable String reason) {
        return questions.setHidden(id, reason)
            .map(q -> new Target(q.id(), abbreviated(q.question()), q.askedByOrganisationId(),
                    "/challenges/" + q.challengeId() + "/questions"));
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }

}
