package io.launchpad.api.follow;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.security.Caller;
import io.launchpad.api.web.Cursor;
import io.launchpad.api.web.Limits;
import io.launchpad.api.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * Following is a resource of the caller's own: PUT creates it and DELETE removes it, both
 * idempotent, so a retry needs no Idempotency-Key.
 */
@RestController
class FollowController {

    private final Follows follows;

    FollowController(Follows follows) {
        this.follows = follows;
    }

    @Operation(summary = "Follow a published challenge (suppliers): hear of published answers and deadlines")
    @ApiResponse(responseCode = "204", description = "Following (also when already following)")
    @PutMapping("/api/v1/challenges/{challengeId}/follow")
    Mono<ResponseEntity<Void>> follow(@PathVariable UUID challengeId) {
        return signedIn().flatMap(caller -> follows.follow(caller, challengeId))
            .then(Mono.fromSupplier(() -> ResponseEntity.noContent().build()));
    }

    @Operation(summary = "Stop following a challenge")
    @ApiResponse(responseCode = "204", description = "Not following (also when not following before)")
    @DeleteMapping("/api/v1/challenges/{challengeId}/follow")
    Mono<ResponseEntity<Void>> unfollow(@PathVariable UUID challengeId) {
        return signedIn().flatMap(caller -> follows.unfollow(caller, challengeId))
            .then(Mono.fromSupplier(() -> ResponseEntity.noContent().build()));
    }

    @Operation(summary = "Whether the caller follows the challenge")
    @GetMapping("/api/v1/challenges/{challengeId}/follow")
    Mono<Follows.FollowStatus> status(@PathVariable UUID challengeId) {
        return signedIn().flatMap(caller -> follows.status(caller, challengeId));
    }

    @Operation(summary = "The challenges the caller follows, most recently followed first (cursor-paginated)")
    @GetMapping("/api/v1/me/follows")
    Mono<Page<FollowedChallenge>> followed(@RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        Cursor after = Cursor.decode(cursor);
        int size = Limits.pageSize(limit);
        return signedIn().flatMap(caller -> follows.followedBy(caller, after, size));
    }

    private static Mono<Caller> signedIn() {
        return Caller.current()
            .flatMap(caller -> caller.isAnonymous() || caller.isSystem()
                    ? Mono.error(ApiProblem.of(ProblemType.UNAUTHENTICATED, "Sign in to follow challenges"))
                    : Mono.just(caller));
    }

}
