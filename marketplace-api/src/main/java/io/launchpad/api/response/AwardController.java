package io.launchpad.api.response;

import io.launchpad.api.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.UUID;

/**
 * The association's decision on a closed challenge: award one response, or no award with
 * a reason.
 */
@RestController
class AwardController {

    /**
     * {@code feedback} adds the association's own words for named unsuccessful responses.
     */
    record Award(@NotNull UUID responseId, Map<UUID, @Size(max = 5_000) String> feedback) {
    }

    record NoAward(@NotBlank @Size(max = 5_000) String reason) {
    }

    record Decision(UUID challengeId, String outcome, @Nullable UUID responseId, @Nullable UUID pilotId,
            @Nullable String reason) {
    }

    private final Evaluations evaluations;

    AwardController(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @PostMapping("/api/v1/challenges/{challengeId}/award")
    Mono<Decision> award(@PathVariable UUID challengeId, @Valid @RequestBody Award award) {
        return Caller.current()
            .flatMap(caller -> evaluations.award(caller, challengeId, award.responseId(),
                    award.feedback() == null ? Map.of() : award.feedback()));
    }

    @PostMapping("/api/v1/challenges/{challengeId}/no-award")
    Mono<Decision> noAward(@PathVariable UUID challengeId, @Valid @RequestBody NoAward noAward) {
        return Caller.current().flatMap(caller -> evaluations.noAward(caller, challengeId, noAward.reason()));
    }

}
