package io.launchpad.api.organisation;

import io.launchpad.api.input.SingleLine;
import io.launchpad.api.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The admin's verification queue and refusals; verifying itself is {@code POST
 * /api/v1/organisations/{id}/verification}.
 */
@RestController
class VerificationController {

    record Queue(List<Verifications.Waiting> items) {
    }

    record Refusal(@NotBlank @SingleLine @Size(max = 500) String reason) {
    }

    private final Verifications verifications;

    VerificationController(Verifications verifications) {
        this.verifications = verifications;
    }

    @Operation(summary = "Organisations waiting for verification, oldest first (admin)")
    @GetMapping("/api/v1/admin/verification-queue")
    Mono<Queue> queue() {
        return Caller.current().flatMap(verifications::queue).map(Queue::new);
    }

    @Operation(summary = "Refuse to verify an organisation, with a reason its members read (admin)")
    @PostMapping("/api/v1/organisations/{id}/verification-refusal")
    Mono<Verifications.State> refuse(@PathVariable UUID id, @Valid @RequestBody Refusal refusal) {
        return Caller.current().flatMap(caller -> verifications.refuse(caller, id, refusal.reason()));
    }

    @Operation(summary = "Whether your organisation is verified, or why not")
    @GetMapping("/api/v1/organisations/{id}/verification")
    Mono<Verifications.State> state(@PathVariable UUID id) {
        return Caller.current().flatMap(caller -> verifications.read(caller, id));
    }

}
