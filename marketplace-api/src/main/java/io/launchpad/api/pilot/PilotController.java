package io.launchpad.api.pilot;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import io.launchpad.api.input.SingleLine;
import io.launchpad.api.input.PlausibleDate;
import io.launchpad.api.security.Caller;
import io.launchpad.api.web.ETags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@RestController
class PilotController {

    record NewMilestone(@NotBlank @SingleLine @Size(max = 200) String title, @NotNull @PlausibleDate LocalDate dueOn) {
    }

    record MilestoneChange(
            @NotNull @Pattern(regexp = "planned|in-progress|done|missed", message = "must be planned, in-progress, done or missed")
            String status,
            @PlausibleDate LocalDate dueOn) {
    }

    record NewOutcome(@NotBlank @SingleLine @Size(max = 200) String measure, @NotBlank @SingleLine @Size(max = 100) String unit,
            @NotNull @DecimalMin("-1000000000000") @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 6) BigDecimal baseline, @NotNull @DecimalMin("-1000000000000") @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 6) BigDecimal target) {
    }

    record Actual(@NotNull @DecimalMin("-1000000000000") @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 6) BigDecimal actual) {
    }

    record Completion(@NotBlank @Size(max = 20_000) String finalReport) {
    }

    record PilotList(List<Pilot> items) {
    }

    private final Pilots pilots;

    PilotController(Pilots pilots) {
        this.pilots = pilots;
    }

    @GetMapping("/api/v1/pilots")
    Mono<PilotList> mine() {
        return Caller.current().flatMap(pilots::mine).map(PilotList::new);
    }

    @GetMapping("/api/v1/pilots/{id}")
    Mono<ResponseEntity<Pilot>> read(@PathVariable UUID id) {
        return Caller.current().flatMap(caller -> pilots.read(caller, id)).map(PilotController::tagged);
    }

    /** The latest completed pilots, newest first: public evidence, shown on the landing page (issue 12). */
    @GetMapping("/api/v1/pilots/completed")
    Mono<PilotList> latestCompleted(@org.springframework.web.bind.annotation.RequestParam(required = false) Integer limit) {
        return pilots.latestCompleted(io.launchpad.api.web.Limits.pageSize(limit)).map(PilotList::new);
    }

    /** Completed pilots are public evidence of what a supplier delivered. */
    @GetMapping("/api/v1/suppliers/{id}/pilots")
    Mono<PilotList> completedForSupplier(@PathVariable UUID id) {
        return Caller.current().flatMap(caller -> pilots.completedFor(caller, id)).map(PilotList::new);
    }

    @PostMapping("/api/v1/pilots/{id}/milestones")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Added; the pilot with its new milestone", useReturnTypeSchema = true)
    Mono<ResponseEntity<Pilot>> addMilestone(@PathVariable UUID id, @Valid @RequestBody NewMilestone milestone) {
        return Caller.current().flatMap(caller -> pilots.addMilestone(caller, id, milestone))
                .map(PilotController::created);
    }

    @PutMapping("/api/v1/pilots/{id}/milestones/{milestoneId}")
    Mono<ResponseEntity<Pilot>> updateMilestone(@PathVariable UUID id, @PathVariable UUID milestoneId,
            @Valid @RequestBody MilestoneChange change) {
        return Caller.current().flatMap(caller -> pilots.updateMilestone(caller, id, milestoneId, change))
                .map(PilotController::tagged);
    }

    @PostMapping("/api/v1/pilots/{id}/outcomes")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Added; the pilot with its new outcome measure", useReturnTypeSchema = true)
    Mono<ResponseEntity<Pilot>> addOutcome(@PathVariable UUID id, @Valid @RequestBody NewOutcome outcome) {
        return Caller.current().flatMap(caller -> pilots.addOutcome(caller, id, outcome))
                .map(PilotController::created);
    }

    @PutMapping("/api/v1/pilots/{id}/outcomes/{outcomeId}")
    Mono<ResponseEntity<Pilot>> recordActual(@PathVariable UUID id, @PathVariable UUID outcomeId,
            @Valid @RequestBody Actual actual) {
        return Caller.current().flatMap(caller -> pilots.recordActual(caller, id, outcomeId, actual))
                .map(PilotController::tagged);
    }

    @PostMapping("/api/v1/pilots/{id}/complete")
    Mono<ResponseEntity<Pilot>> complete(@PathVariable UUID id, @Valid @RequestBody Completion completion) {
        return Caller.current().flatMap(caller -> pilots.complete(caller, id, completion.finalReport()))
                .map(PilotController::tagged);
    }

    private static ResponseEntity<Pilot> tagged(Pilot pilot) {
        return ResponseEntity.ok().eTag(ETags.of(pilot.version())).body(pilot);
    }

    private static ResponseEntity<Pilot> created(Pilot pilot) {
        return ResponseEntity.status(201).eTag(ETags.of(pilot.version())).body(pilot);
    }
}
