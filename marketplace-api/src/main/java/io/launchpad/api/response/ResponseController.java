package io.launchpad.api.response;

import io.launchpad.api.security.Caller;
import io.launchpad.api.web.ETags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

@RestController
class ResponseController {

    /**
     * Scores out of 10 per evaluation criterion, for example {"technical": 8, "price":
     * 6}.
     */
    record Scores(@NotEmpty @Size(max = 20) Map<@Size(max = 40) String, @NotNull @Min(0) @Max(10) Integer> scores) {
    }

    record OwnResponses(List<ResponseRepository.OwnResponse> items) {
    }

    record ResponseList(UUID challengeId, List<ResponseView> items) {
    }

    private final Responses responses;

    private final Evaluations evaluations;

    ResponseController(Responses responses, Evaluations evaluations) {
        this.responses = responses;
        this.evaluations = evaluations;
    }

    @PostMapping("/api/v1/challenges/{challengeId}/responses")
    @ApiResponse(responseCode = "201", description = "Drafted; Location names the new response",
            useReturnTypeSchema = true)
    Mono<ResponseEntity<ResponseView>> create(@PathVariable UUID challengeId,
            @Valid @RequestBody ResponseFields fields) {
        return Caller.current()
            .flatMap(caller -> responses.create(caller, challengeId, fields))
            .map(r -> ResponseEntity.created(URI.create("/api/v1/responses/" + r.id()))
                .eTag(ETags.of(r.version()))
                .body(ResponseView.of(r, null)));
    }

    @GetMapping("/api/v1/challenges/{challengeId}/responses")
    Mono<ResponseList> list(@PathVariable UUID challengeId) {
        return Caller.current()
            .flatMap(caller -> evaluations.list(caller, challengeId))
            .map(items -> new ResponseList(challengeId, items));
    }

    @Operation(summary = "Your supplier organisations' responses, drafts included, latest first")
    @GetMapping("/api/v1/me/responses")
    Mono<OwnResponses> mine() {
        return Caller.current().flatMap(responses::mine).map(OwnResponses::new);
    }

    @GetMapping("/api/v1/responses/{id}")
    Mono<ResponseEntity<ResponseView>> read(@PathVariable UUID id) {
        return Caller.current().flatMap(caller -> evaluations.view(caller, id)).map(ResponseController::tagged);
    }

    @PutMapping("/api/v1/responses/{id}")
    Mono<ResponseEntity<ResponseView>> update(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @Valid @RequestBody ResponseFields fields) {
        long version = ETags.requiredVersion(ifMatch);
        return Caller.current()
            .flatMap(caller -> responses.update(caller, id, version, fields))
            .map(r -> tagged(ResponseView.of(r, null)));
    }

    @PostMapping("/api/v1/responses/{id}/submit")
    Mono<ResponseEntity<ResponseView>> submit(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        Long version = ETags.optionalVersion(ifMatch);
        return Caller.current()
            .flatMap(caller -> responses.submit(caller, id, version))
            .map(r -> tagged(ResponseView.of(r, null)));
    }

    @PutMapping("/api/v1/responses/{id}/scores")
    Mono<ResponseEntity<ResponseView>> score(@PathVariable UUID id, @Valid @RequestBody Scores scores) {
        return Caller.current()
            .flatMap(caller -> evaluations.score(caller, id, scores.scores()))
            .map(ResponseController::tagged);
    }

    @PostMapping("/api/v1/responses/{id}/shortlist")
    Mono<ResponseEntity<ResponseView>> shortlist(@PathVariable UUID id) {
        return Caller.current().flatMap(caller -> evaluations.shortlist(caller, id)).map(ResponseController::tagged);
    }

    private static ResponseEntity<ResponseView> tagged(ResponseView view) {
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

}
