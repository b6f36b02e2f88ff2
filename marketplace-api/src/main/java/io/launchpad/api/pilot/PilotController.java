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
import org.jspecify.annotations.Nullable;
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
import io.launchpad.api.web.Limits;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.Objects;
import org.springframework.web.bind.annotation.RequestParam;

@RestController
class PilotController {

    record NewMilestone(@NotBlank @SingleLine @Size(max = 200) String title, @NotNull @PlausibleDate LocalDate dueOn) {
    }

    record MilestoneChange(
            @NotNull @Pattern(regexp = "planned|in-progress|done|missed",
                    message = "must be planned, in-progress, done or missed") String status,
            @PlausibleDate LocalDate dueOn) {
    }

    record NewOutcome(@NotBlank @SingleLine @Size(max = 200) String measure,
            @NotBlank @SingleLine @Size(max = 100) String unit,
            @NotNull @DecimalMin("-1000000000000") @DecimalMax("1000000000000") @Digits(integer = 13,
                    fraction = 6) BigDecimal baseline,
            @NotNull @DecimalMin("-1000000000000") @DecimalMax("1000000000000") @Digits(integer = 13,
                    fraction = 6) BigDecimal target) {
    }

    record Actual(@NotNull @DecimalMin("-1000000000000") @DecimalMax("1000000000000") @Digits(integer = 13,
            fraction = 6) BigDecimal actual) {
    }

    record Completion(@NotBlank @Size(max = 20_000) String finalReport) {
    }

    record PilotList(List<Pilot> items) {
    }

    record NewLesson(@NotBlank @Size(max = 2000) String lesson, @Pattern(regexp = "would-do-again|would-not",
            message = "must be would-do-again or would-not") String verdict) {
    }

    /** A resident's words (quote) or a survey statement with its result; never a name. */
    record NewResidentFeedback(
            @NotNull @Pattern(regexp = "quote|survey", message = "must be quote or survey") String kind,
            @NotBlank @Size(max = 1000) String text, @Min(1) @Max(1_000_000) Integer respondents,
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 1) BigDecimal agreePercent,
            @NotNull @AssertTrue(message = "must be true: residents agreed to share this") Boolean residentsConsented) {
    }

    /** A library card: enough to choose which case to read. */
    record LibraryItem(UUID id, String title, String problem, String associationName, String supplierName,
            List<String> categories, List<String> regions, @Nullable String outcome,
            java.time.@Nullable Instant completedAt, int outcomeMeasures, int targetsMet, int residentVoices,
            @Nullable String verdict) {

        static LibraryItem of(PilotRepository.LibraryEntry e) {
            Pilot p = e.pilot();
            String verdict = p.lessons()
                .stream()
                .map(Pilot.Lesson::verdict)
                .filter(Objects::nonNull)
                .reduce((first, last) -> last)
                .orElse(null);
            return new LibraryItem(p.id(), p.title(), e.problem(), e.associationName(), e.supplierName(),
                    e.categories(), e.regions(), p.outcome(), p.completedAt(), p.outcomes().size(),
                    (int) p.outcomes().stream().filter(Pilot.Outcome::met).count(), e.residentVoices(), verdict);
        }
    }

    record LibraryPage(List<LibraryItem> items, @Nullable String nextCursor) {
    }

    /**
     * A public case page: the problem, the approach, what was done and measured, what
     * people learned.
     */
    record PilotCase(UUID id, String title, UUID challengeId, String challengeTitle, String problem, String description,
            String approach, String associationName, String supplierName, UUID supplierProfileId,
            List<String> categories, List<String> regions, @Nullable String outcome, @Nullable String finalReport,
            Instant startedAt, java.time.@Nullable Instant completedAt, List<Pilot.Milestone> milestones,
            List<Pilot.Outcome> outcomes, List<Pilot.Lesson> lessons, List<Pilot.ResidentFeedback> residentFeedback) {

        static PilotCase of(Pilot p, PilotRepository.CaseContext c) {
            return new PilotCase(p.id(), p.title(), c.challengeId(), c.challengeTitle(), c.summary(), c.description(),
                    c.approach(), c.associationName(), c.supplierName(), c.supplierProfileId(), c.categories(),
                    c.regions(), p.outcome(), p.finalReport(), p.createdAt(), p.completedAt(), p.milestones(),
                    p.outcomes(), p.lessons(), p.residentFeedback());
        }
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

    /**
     * The latest completed pilots, newest first: public evidence, shown on the landing
     * page (issue 12).
     */
    @GetMapping("/api/v1/pilots/completed")
    Mono<PilotList> latestCompleted(@RequestParam(required = false) @Nullable Integer limit) {
        return pilots.latestCompleted(Limits.pageSize(limit)).map(PilotList::new);
    }

    /** Completed pilots are public evidence of what a supplier delivered. */
    @GetMapping("/api/v1/suppliers/{id}/pilots")
    Mono<PilotList> completedForSupplier(@PathVariable UUID id) {
        return Caller.current().flatMap(caller -> pilots.completedFor(caller, id)).map(PilotList::new);
    }

    @PostMapping("/api/v1/pilots/{id}/milestones")
    @ApiResponse(responseCode = "201", description = "Added; the pilot with its new milestone",
            useReturnTypeSchema = true)
    Mono<ResponseEntity<Pilot>> addMilestone(@PathVariable UUID id, @Valid @RequestBody NewMilestone milestone) {
        return Caller.current()
            .flatMap(caller -> pilots.addMilestone(caller, id, milestone))
            .map(PilotController::created);
    }

    @PutMapping("/api/v1/pilots/{id}/milestones/{milestoneId}")
    Mono<ResponseEntity<Pilot>> updateMilestone(@PathVariable UUID id, @PathVariable UUID milestoneId,
            @Valid @RequestBody MilestoneChange change) {
        return Caller.current()
            .flatMap(caller -> pilots.updateMilestone(caller, id, milestoneId, change))
            .map(PilotController::tagged);
    }

    @PostMapping("/api/v1/pilots/{id}/outcomes")
    @ApiResponse(responseCode = "201", description = "Added; the pilot with its new outcome measure",
            useReturnTypeSchema = true)
    Mono<ResponseEntity<Pilot>> addOutcome(@PathVariable UUID id, @Valid @RequestBody NewOutcome outcome) {
        return Caller.current().flatMap(caller -> pilots.addOutcome(caller, id, outcome)).map(PilotController::created);
    }

    @PutMapping("/api/v1/pilots/{id}/outcomes/{outcomeId}")
    Mono<ResponseEntity<Pilot>> recordActual(@PathVariable UUID id, @PathVariable UUID outcomeId,
            @Valid @RequestBody Actual actual) {
        return Caller.current()
            .flatMap(caller -> pilots.recordActual(caller, id, outcomeId, actual))
            .map(PilotController::tagged);
    }

    @PostMapping("/api/v1/pilots/{id}/complete")
    Mono<ResponseEntity<Pilot>> complete(@PathVariable UUID id, @Valid @RequestBody Completion completion) {
        return Caller.current()
            .flatMap(caller -> pilots.complete(caller, id, completion.finalReport()))
            .map(PilotController::tagged);
    }

    @PostMapping("/api/v1/pilots/{id}/lessons")
    @ApiResponse(responseCode = "201", description = "Added; the pilot with its lessons", useReturnTypeSchema = true)
    Mono<ResponseEntity<Pilot>> addLesson(@PathVariable UUID id, @Valid @RequestBody NewLesson lesson) {
        return Caller.current().flatMap(caller -> pilots.addLesson(caller, id, lesson)).map(PilotController::created);
    }

    @PostMapping("/api/v1/pilots/{id}/resident-feedback")
    @ApiResponse(responseCode = "201", description = "Added; the pilot with residents' feedback",
            useReturnTypeSchema = true)
    Mono<ResponseEntity<Pilot>> addResidentFeedback(@PathVariable UUID id,
            @Valid @RequestBody NewResidentFeedback feedback) {
        return Caller.current()
            .flatMap(caller -> pilots.addResidentFeedback(caller, id, feedback))
            .map(PilotController::created);
    }

    /**
     * The library of completed pilots (issue 14): public, searchable by words, category,
     * region and outcome.
     */
    @GetMapping("/api/v1/pilot-library")
    Mono<LibraryPage> library(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable String outcome,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        PilotLibraryFilter filter = PilotLibraryFilter.of(q, category, region, outcome, cursor);
        return pilots.library(filter, Limits.pageSize(limit))
            .map(page -> new LibraryPage(page.items().stream().map(LibraryItem::of).toList(), page.nextCursor()));
    }

    @GetMapping("/api/v1/pilot-library/{id}")
    Mono<PilotCase> libraryCase(@PathVariable UUID id) {
        return pilots.libraryCase(id);
    }

    private static ResponseEntity<Pilot> tagged(Pilot pilot) {
        return ResponseEntity.ok().eTag(ETags.of(pilot.version())).body(pilot);
    }

    private static ResponseEntity<Pilot> created(Pilot pilot) {
        return ResponseEntity.status(201).eTag(ETags.of(pilot.version())).body(pilot);
    }

}
