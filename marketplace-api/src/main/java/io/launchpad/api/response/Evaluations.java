package io.launchpad.api.response;

import io.launchpad.api.challenge.Challenge;
import io.launchpad.api.challenge.Challenges;
import io.launchpad.api.challenge.Weighting;
import io.launchpad.api.notification.Notifications;
import io.launchpad.api.pilot.Pilots;
import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The association's side: after closing, its members score each response per criterion;
 * the weighted total ranks them; it shortlists, then awards one (which creates the pilot)
 * or records no award with a reason. Every unsuccessful supplier gets feedback.
 */
@Service
class Evaluations {

    private final ResponseRepository repository;

    private final Responses responses;

    private final Challenges challenges;

    private final Pilots pilots;

    private final Notifications notifications;

    Evaluations(ResponseRepository repository, Responses responses, Challenges challenges, Pilots pilots,
            Notifications notifications) {
        this.repository = repository;
        this.responses = responses;
        this.challenges = challenges;
        this.pilots = pilots;
        this.notifications = notifications;
    }

    record Ranked(Response response, ResponseView.Evaluation evaluation) {
    }

    /**
     * The association sees every submitted response, ranked by weighted total; a supplier
     * sees only its own; anyone else is refused.
     */
    Mono<List<ResponseView>> list(Caller caller, UUID challengeId) {
        return challenges.read(caller, challengeId)
            .flatMap(challenge -> challenges.isOwner(caller, challenge)
                .flatMap(owner -> owner
                        ? ranked(challenge, caller)
                            .map(list -> list.stream().map(r -> ResponseView.of(r.response(), r.evaluation())).toList())
                        // another association (or a person with no supplier) is refused,
                        // not shown an empty list
                        : responses.supplierOrganisationsOf(caller).flatMap(mine -> {
                            if (mine.isEmpty()) {
                                return Mono.error(ApiProblem
                                    .forbidden("Only the association and responding suppliers see responses"));
                            }
                            return repository.forChallenge(challengeId)
                                .filter(r -> mine.contains(r.supplierOrganisationId()))
                                .map(r -> ResponseView.of(r, null))
                                .collectList();
                        })));
    }

    Mono<ResponseView> view(Caller caller, UUID responseId) {
        return responses.read(caller, responseId)
            .flatMap(response -> responses.isSupplierMember(caller, response)
                .flatMap(supplier -> supplier && !caller.isAdmin() ? Mono.just(ResponseView.of(response, null))
                        : challenges.read(Caller.system(), response.challengeId())
                            .flatMap(challenge -> ranked(challenge, caller))
                            .map(list -> list.stream()
                                .filter(r -> r.response().id().equals(responseId))
                                .findFirst()
                                .map(r -> ResponseView.of(r.response(), r.evaluation()))
                                .orElse(ResponseView.of(response, null)))));
    }

    @Transactional
    Mono<ResponseView> score(Caller caller, UUID responseId, Map<String, Integer> scores) {
        return evaluable(caller, responseId).flatMap(pair -> {
            List<String> criteria = pair.challenge()
                .terms()
                .effectiveWeightings()
                .stream()
                .map(Weighting::criterion)
                .toList();
            for (String criterion : scores.keySet()) {
                if (!criteria.contains(criterion)) {
                    return Mono.error(ApiProblem.invalid("scores." + criterion, "known-criterion",
                            "the challenge is evaluated on " + criteria));
                }
            }
            return repository.score(responseId, caller.subject(), scores).then(view(caller, responseId));
        });
    }

    @Transactional
    Mono<ResponseView> shortlist(Caller caller, UUID responseId) {
        return evaluable(caller, responseId)
            .flatMap(pair -> repository.transition(responseId, Response.Status.SUBMITTED, Response.Status.SHORTLISTED))
            .flatMap(rows -> rows == 1 ? view(caller, responseId) : Mono.error(ApiProblem.field(ProblemType.CONFLICT,
                    "status", "submitted", "only a submitted response can be shortlisted")));
    }

    /**
     * Awards one response. The challenge's state change comes first and only matches a
     * closed challenge, so of two concurrent awards exactly one commits; the other gets
     * 409 and writes nothing.
     */
    @Transactional
    Mono<AwardController.Decision> award(Caller caller, UUID challengeId, UUID responseId, Map<UUID, String> feedback) {
        // the conditional status change comes first: it is what makes concurrent awards
        // queue on the
        // challenge row, so every loser sees "already decided" (409) rather than a
        // half-updated state;
        // a bad responseId afterwards rolls the change back with the rest of the
        // transaction
        return owned(caller, challengeId)
            .flatMap(challenge -> challenges.decide(challengeId, Challenge.Status.AWARDED, null)
                .then(repository.find(responseId))
                .filter(r -> r.challengeId().equals(challengeId) && r.status().inContention())
                .switchIfEmpty(Mono.error(() -> ApiProblem.field(ProblemType.UNPROCESSABLE, "responseId",
                        "submitted-response", "name a submitted response to this challenge")))
                .flatMap(winner -> ranked(challenge, Caller.system())
                    .flatMap(ranked -> Flux.fromIterable(ranked)
                        .filter(r -> r.response().status().inContention())
                        .concatMap(r -> r.response().id().equals(responseId)
                                ? repository.decide(responseId, Response.Status.AWARDED, null)
                                    .then(outcome(challenge, r.response(), "awarded"))
                                : repository
                                    .decide(r.response().id(), Response.Status.UNSUCCESSFUL,
                                            feedbackFor(r, ranked.size(), feedback.get(r.response().id()),
                                                    "The award went to another supplier."))
                                    .then(outcome(challenge, r.response(), "unsuccessful")))
                        .then())
                    .then(notifications
                        .record(Notifications.Event.challengeAwarded(challengeId, challenge.title(), responseId)))
                    .then(pilots.createForAward(challengeId, responseId, challenge.organisationId(),
                            winner.supplierOrganisationId(), challenge.title()))
                    .map(pilotId -> new AwardController.Decision(challengeId, "awarded", responseId, pilotId, null))));
    }

    @Transactional
    Mono<AwardController.Decision> noAward(Caller caller, UUID challengeId, String reason) {
        return owned(caller, challengeId)
            .flatMap(
                    challenge -> challenges.decide(challengeId, Challenge.Status.NO_AWARD, reason)
                        .then(ranked(challenge, Caller.system()))
                        .flatMap(
                                ranked -> Flux.fromIterable(ranked)
                                    .filter(r -> r.response().status().inContention())
                                    .concatMap(
                                            r -> repository
                                                .decide(r.response().id(), Response.Status.UNSUCCESSFUL,
                                                        feedbackFor(r, ranked.size(), null,
                                                                "No award was made: " + reason))
                                                .then(outcome(challenge, r.response(), "no award")))
                                    .then())
                        .thenReturn(new AwardController.Decision(challengeId, "no-award", null, null, reason)));
    }

    private Mono<Void> outcome(Challenge challenge, Response response, String outcome) {
        return notifications
            .record(Notifications.Event.responseOutcome(challenge.id(), challenge.title(), response.id(), outcome));
    }

    private static String feedbackFor(Ranked ranked, int of, @Nullable String written, String headline) {
        StringBuilder text = new StringBuilder(headline);
        if (ranked.evaluation().evaluators() > 0) {
            text.append(" Your response scored ").append(ranked.evaluation().weightedTotal()).append(" out of 100");
            if (ranked.evaluation().rank() != null) {
                text.append(", ranked ").append(ranked.evaluation().rank()).append(" of ").append(of);
            }
            text.append(". Scores out of 10: ").append(inWords(ranked.evaluation().scores())).append('.');
        }
        if (written != null && !written.isBlank()) {
            text.append(' ').append(written.strip());
        }
        return text.toString();
    }

    /** "Technical 7, Social value 6.5": what a supplier reads, not a map's toString. */
    static String inWords(Map<String, Double> scores) {
        List<String> parts = new ArrayList<>();
        scores.forEach((criterion, mean) -> {
            String score = mean == Math.rint(mean) ? Long.toString(Math.round(mean))
                    : Double.toString(Math.round(mean * 10) / 10.0);
            parts.add(Weighting.label(criterion) + " " + score);
        });
        return String.join(", ", parts);
    }

    /**
     * Every non-draft response with its evaluation (with the reader's own scores), best
     * weighted total first.
     */
    Mono<List<Ranked>> ranked(Challenge challenge, Caller reader) {
        List<Weighting> weightings = challenge.terms().effectiveWeightings();
        return repository.forChallenge(challenge.id())
            .filter(r -> r.status() != Response.Status.DRAFT)
            .concatMap(r -> repository.scores(r.id(), reader.subject())
                .map(sheet -> new Ranked(r, evaluation(sheet, weightings, null))))
            .collectList()
            .map(list -> {
                List<Ranked> sorted = new ArrayList<>(list);
                sorted.sort(Comparator.comparingDouble((Ranked r) -> -r.evaluation().weightedTotal())
                    .thenComparing(r -> r.response().id()));
                List<Ranked> withRank = new ArrayList<>();
                for (int i = 0; i < sorted.size(); i++) {
                    Ranked r = sorted.get(i);
                    ResponseView.Evaluation e = r.evaluation();
                    withRank.add(new Ranked(r.response(), new ResponseView.Evaluation(e.scores(), e.evaluators(),
                            e.weightedTotal(), e.fullyScored(), i + 1, e.yourScores())));
                }
                return withRank;
            });
    }

    static ResponseView.Evaluation evaluation(ResponseRepository.ScoreSheet sheet, List<Weighting> weightings,
            @Nullable Integer rank) {
        double total = 0;
        boolean complete = true;
        for (Weighting weighting : weightings) {
            Double mean = sheet.meanByCriterion().get(weighting.criterion());
            if (mean == null) {
                complete = false;
            }
            else {
                total += weighting.weight() * mean / 10.0;
            }
        }
        return new ResponseView.Evaluation(sheet.meanByCriterion(), sheet.evaluators(), Math.round(total * 10) / 10.0,
                complete && sheet.evaluators() > 0, rank, sheet.yours());
    }

    private record Evaluable(Response response, Challenge challenge) {
    }

    private Mono<Evaluable> evaluable(Caller caller, UUID responseId) {
        // the association's right to evaluate is the question, so a non-member hears 403,
        // not 404
        return repository.find(responseId)
            .filter(response -> response.status() != Response.Status.DRAFT)
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Response " + responseId)))
            .flatMap(response -> owned(caller, response.challengeId())
                .map(challenge -> new Evaluable(response, challenge)))
            .flatMap(pair -> {
                if (pair.challenge().status() != Challenge.Status.CLOSED) {
                    return Mono.error(ApiProblem.field(ProblemType.CONFLICT, "status", "closed",
                            "responses are evaluated after the challenge closes, while it is undecided; it is "
                                    + pair.challenge().status().code()));
                }
                if (!pair.response().status().inContention()) {
                    return Mono.error(ApiProblem.field(ProblemType.CONFLICT, "status", "submitted",
                            "only submitted responses are evaluated"));
                }
                return Mono.just(pair);
            });
    }

    /**
     * The challenge, when the caller acts for its association; 403 for anyone else who
     * can see it.
     */
    private Mono<Challenge> owned(Caller caller, UUID challengeId) {
        return challenges.read(caller, challengeId)
            .filterWhen(challenge -> challenges.isOwner(caller, challenge))
            .switchIfEmpty(Mono.error(() -> ApiProblem
                .forbidden("Only members of the association that posted the challenge evaluate its responses")));
    }

}
