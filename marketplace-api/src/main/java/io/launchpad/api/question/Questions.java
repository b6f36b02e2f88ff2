package io.launchpad.api.question;

import io.launchpad.api.challenge.Challenge;
import io.launchpad.api.challenge.Challenges;
import io.launchpad.api.notification.Notifications;
import io.launchpad.api.organisation.Membership;
import io.launchpad.api.organisation.OrganisationType;
import io.launchpad.api.organisation.Organisations;
import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Clarification Q&A. A supplier asks privately while the question window is open; the
 * association answers, which publishes question and answer to every supplier without
 * saying who asked.
 */
@Service
class Questions {

    private final QuestionRepository repository;

    private final Challenges challenges;

    private final Organisations organisations;

    private final Notifications notifications;

    private final Clock clock;

    Questions(QuestionRepository repository, Challenges challenges, Organisations organisations,
            Notifications notifications, Clock clock) {
        this.repository = repository;
        this.challenges = challenges;
        this.organisations = organisations;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional
    Mono<Question> ask(Caller caller, UUID challengeId, QuestionController.Ask ask) {
        return challenges.read(caller, challengeId)
            .flatMap(challenge -> organisations
                .requireActingFor(caller, ask.organisationId(), OrganisationType.SUPPLIER, "organisationId")
                .flatMap(supplier -> {
                    checkWindowOpen(challenge);
                    return repository.insert(challengeId, caller.subject(), supplier.id(), ask.question().strip());
                })
                .flatMap(question -> notifications
                    .record(Notifications.Event.questionAsked(challengeId, challenge.title(), question.id()))
                    .thenReturn(question)));
    }

    @Transactional
    Mono<Question> answer(Caller caller, UUID challengeId, UUID questionId, String answer) {
        return challenges.read(caller, challengeId)
            .filterWhen(challenge -> challenges.isOwner(caller, challenge))
            .switchIfEmpty(Mono.error(
                    () -> ApiProblem.forbidden("Only the association that posted the challenge answers its questions")))
            .flatMap(challenge -> question(challengeId, questionId)
                .flatMap(question -> repository.answer(questionId, answer.strip()))
                .flatMap(rows -> rows == 1 ? repository.find(questionId)
                        : Mono.error(ApiProblem.field(ProblemType.CONFLICT, "answer", "answer-once",
                                "this question is already answered and published")))
                .flatMap(answered -> notifications
                    .record(Notifications.Event.answerPublished(challenge.id(), challenge.title(), answered.id()))
                    .thenReturn(answered)));
    }

    /**
     * Answered questions for everyone; unanswered ones, and ones an administrator hid,
     * only for the association (admins included) and the asking supplier.
     */
    Mono<List<QuestionController.QuestionView>> list(Caller caller, UUID challengeId) {
        return challenges.read(caller, challengeId)
            .flatMap(challenge -> Mono.zip(challenges.isOwner(caller, challenge), myOrganisations(caller)))
            .flatMap(access -> repository.forChallenge(challengeId)
                .filter(q -> (q.isAnswered() && !q.isHidden()) || access.getT1()
                        || access.getT2().contains(q.askedByOrganisationId()))
                .map(q -> QuestionController.QuestionView.of(q, access.getT2().contains(q.askedByOrganisationId())))
                .collectList());
    }

    /** Sets or clears the moderation mark; empty when there is no such question. */
    @Transactional
    Mono<Question> setHidden(UUID id, @Nullable String reason) {
        return repository.setHidden(id, reason);
    }

    private Mono<Set<UUID>> myOrganisations(Caller caller) {
        return organisations.membershipsOf(caller).map(Membership::organisationId).collect(Collectors.toSet());
    }

    private Mono<Question> question(UUID challengeId, UUID questionId) {
        return repository.find(questionId)
            .filter(q -> q.challengeId().equals(challengeId))
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Question " + questionId)));
    }

    private void checkWindowOpen(Challenge challenge) {
        LocalDate lastDay = challenge.terms().lastQuestionDay(challenge.closingDate());
        if (challenge.status() != Challenge.Status.PUBLISHED || lastDay == null
                || LocalDate.now(clock).isAfter(lastDay)) {
            throw ApiProblem.field(ProblemType.CONFLICT, "questionsCloseOn", "window-open",
                    "questions were taken until " + lastDay + "; the window is closed");
        }
    }

}
