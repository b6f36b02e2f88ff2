package io.launchpad.api.challenge;

import io.launchpad.api.security.Caller;
import io.launchpad.api.taxonomy.Vocabulary;
import io.launchpad.api.web.Cursor;
import io.launchpad.api.web.ETags;
import io.launchpad.api.web.Limits;
import io.launchpad.api.web.Page;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

@RestController
@RequestMapping("/api/v1/challenges")
class ChallengeController {

    private final Challenges challenges;

    ChallengeController(Challenges challenges) {
        this.challenges = challenges;
    }

    @Operation(summary = "Create a draft challenge")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new challenge",
            useReturnTypeSchema = true)
    @PostMapping
    Mono<ResponseEntity<ChallengeView>> create(@Valid @RequestBody ChallengeFields fields) {
        return Caller.current()
            .flatMap(caller -> challenges.create(caller, fields))
            .map(challenge -> ResponseEntity.created(URI.create("/api/v1/challenges/" + challenge.id()))
                .eTag(ETags.of(challenge.version()))
                .body(ChallengeView.of(challenge)));
    }

    @Operation(summary = "Read a challenge (published, or a draft of your own association)")
    @GetMapping("/{id}")
    Mono<ResponseEntity<ChallengeView>> read(@PathVariable UUID id) {
        return Caller.current().flatMap(caller -> challenges.read(caller, id)).map(ChallengeController::withTag);
    }

    @Operation(summary = "List challenges, newest first (cursor-paginated)")
    @GetMapping
    Mono<Page<ChallengeView>> list(@RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable UUID organisationId,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        ChallengeFilter filter = new ChallengeFilter(ChallengeFilter.status(status), organisationId,
                ChallengeFilter.code("category", category, Vocabulary.CATEGORY),
                ChallengeFilter.code("region", region, Vocabulary.REGION), Cursor.decode(cursor),
                Limits.pageSize(limit));
        return Caller.current()
            .flatMap(caller -> challenges.list(caller, filter))
            .map(page -> new Page<>(page.items().stream().map(ChallengeView::of).toList(), page.nextCursor()));
    }

    @Operation(summary = "Replace a challenge (If-Match required)")
    @PutMapping("/{id}")
    Mono<ResponseEntity<ChallengeView>> update(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @Valid @RequestBody ChallengeFields fields) {
        long version = ETags.requiredVersion(ifMatch);
        return Caller.current()
            .flatMap(caller -> challenges.update(caller, id, version, fields))
            .map(ChallengeController::withTag);
    }

    @Operation(summary = "Publish a draft challenge")
    @PostMapping("/{id}/publish")
    Mono<ResponseEntity<ChallengeView>> publish(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        Long version = ETags.optionalVersion(ifMatch);
        return Caller.current()
            .flatMap(caller -> challenges.publish(caller, id, version))
            .map(ChallengeController::withTag);
    }

    @Operation(summary = "Withdraw a published challenge")
    @PostMapping("/{id}/withdraw")
    Mono<ResponseEntity<ChallengeView>> withdraw(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        Long version = ETags.optionalVersion(ifMatch);
        return Caller.current()
            .flatMap(caller -> challenges.withdraw(caller, id, version))
            .map(ChallengeController::withTag);
    }

    @Operation(summary = "Close a published challenge before its closing date")
    @PostMapping("/{id}/close")
    Mono<ResponseEntity<ChallengeView>> close(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        Long version = ETags.optionalVersion(ifMatch);
        return Caller.current()
            .flatMap(caller -> challenges.closeEarly(caller, id, version))
            .map(ChallengeController::withTag);
    }

    private static ResponseEntity<ChallengeView> withTag(Challenge challenge) {
        return ResponseEntity.ok().eTag(ETags.of(challenge.version())).body(ChallengeView.of(challenge));
    }

}
