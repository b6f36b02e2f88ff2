package io.launchpad.api.question;

import io.launchpad.api.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

@RestController
@RequestMapping("/api/v1/challenges/{challengeId}/questions")
class QuestionController {

    record Ask(@NotNull UUID organisationId, @NotBlank @Size(max = 2_000) String question) {
    }

    record Answer(@NotBlank @Size(max = 5_000) String answer) {
    }

    /**
     * The asker is never named; {@code mine} tells the asking supplier which questions
     * are its own.
     */
    record QuestionView(UUID id, String question, String answer, String status, Instant askedAt, Instant answeredAt,
            boolean mine, String hiddenReason) {
        static QuestionView of(Question q, boolean mine) {
            return new QuestionView(q.id(), q.question(), q.answer(), q.isAnswered() ? "answered" : "awaiting-answer",
                    q.askedAt(), q.answeredAt(), mine, q.hiddenReason());
        }
    }

    record QuestionList(UUID challengeId, List<QuestionView> items) {
    }

    private final Questions questions;

    QuestionController(Questions questions) {
        this.questions = questions;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Asked; Location names the new question",
            useReturnTypeSchema = true)
    Mono<ResponseEntity<QuestionView>> ask(@PathVariable UUID challengeId, @Valid @RequestBody Ask ask) {
        return Caller.current()
            .flatMap(caller -> questions.ask(caller, challengeId, ask))
            .map(q -> ResponseEntity.created(URI.create("/api/v1/challenges/" + challengeId + "/questions/" + q.id()))
                .body(QuestionView.of(q, true)));
    }

    @GetMapping
    Mono<QuestionList> list(@PathVariable UUID challengeId) {
        return Caller.current()
            .flatMap(caller -> questions.list(caller, challengeId))
            .map(items -> new QuestionList(challengeId, items));
    }

    @PostMapping("/{questionId}/answer")
    Mono<QuestionView> answer(@PathVariable UUID challengeId, @PathVariable UUID questionId,
            @Valid @RequestBody Answer answer) {
        return Caller.current()
            .flatMap(caller -> questions.answer(caller, challengeId, questionId, answer.answer()))
            .map(q -> QuestionView.of(q, false));
    }

}
