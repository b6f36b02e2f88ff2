package io.launchpad.api.board;

import io.launchpad.api.candidate.SkillLevel;
import io.launchpad.api.security.Caller;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

@RestController
@RequestMapping("/api/v1/board-roles")
class BoardRoleController {

    record BoardRoleView(UUID id, UUID organisationId, String organisationName, String title, String description,
            List<SkillLevel> skillsMatrix, List<SkillLevel> skillGaps, String timeCommitment, int hoursPerMonth,
            String remuneration, @Nullable String remunerationDetail, String region, boolean remote,
            LocalDate closingDate, @Nullable String diversityAims, String status, Instant createdAt, Instant updatedAt,
            @Nullable Instant publishedAt, long version, String attendance, boolean governanceExperienceRequired,
            List<String> skillGapsInWords, @Nullable String hiddenReason) {

        static BoardRoleView of(BoardRole r, String organisationName) {
            return new BoardRoleView(r.id(), r.organisationId(), organisationName, r.title(), r.description(),
                    r.skillsMatrix(), r.skillGaps(), r.timeCommitment(), r.hoursPerMonth(), r.remuneration(),
                    r.remunerationDetail(), r.region(), r.remote(), r.closingDate(), r.diversityAims(),
                    r.status().name().toLowerCase(), r.createdAt(), r.updatedAt(), r.publishedAt(), r.version(),
                    r.attendance(), r.governanceExperienceRequired(), r.skillGapsInWords(), r.hiddenReason());
        }
    }

    private final BoardRoles roles;

    BoardRoleController(BoardRoles roles) {
        this.roles = roles;
    }

    @ApiResponse(responseCode = "201", description = "Created; Location names the new board role",
            useReturnTypeSchema = true)
    @PostMapping
    Mono<ResponseEntity<BoardRoleView>> create(@Valid @RequestBody BoardRoleFields fields) {
        return Caller.current()
            .flatMap(caller -> roles.create(caller, fields))
            .flatMap(this::view)
            .map(view -> ResponseEntity.created(URI.create("/api/v1/board-roles/" + view.id()))
                .eTag(ETags.of(view.version()))
                .body(view));
    }

    @GetMapping
    Mono<Page<BoardRoleView>> list(@RequestParam(required = false) @Nullable UUID organisationId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        int size = Limits.pageSize(limit);
        return Caller.current()
            .flatMap(caller -> roles.list(caller, organisationId, Cursor.decode(cursor), size))
            .flatMap(page -> Flux.fromIterable(page.items())
                .concatMap(this::view)
                .collectList()
                .map(items -> new Page<>(items, page.nextCursor())));
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<BoardRoleView>> read(@PathVariable UUID id) {
        return Caller.current()
            .flatMap(caller -> roles.read(caller, id))
            .flatMap(this::view)
            .map(BoardRoleController::tagged);
    }

    @PutMapping("/{id}")
    Mono<ResponseEntity<BoardRoleView>> update(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @Valid @RequestBody BoardRoleFields fields) {
        long version = ETags.requiredVersion(ifMatch);
        return Caller.current()
            .flatMap(caller -> roles.update(caller, id, version, fields))
            .flatMap(this::view)
            .map(BoardRoleController::tagged);
    }

    @PostMapping("/{id}/publish")
    Mono<ResponseEntity<BoardRoleView>> publish(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        Long version = ETags.optionalVersion(ifMatch);
        return Caller.current()
            .flatMap(caller -> roles.publish(caller, id, version))
            .flatMap(this::view)
            .map(BoardRoleController::tagged);
    }

    @PostMapping("/{id}/close")
    Mono<ResponseEntity<BoardRoleView>> close(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        Long version = ETags.optionalVersion(ifMatch);
        return Caller.current()
            .flatMap(caller -> roles.close(caller, id, version))
            .flatMap(this::view)
            .map(BoardRoleController::tagged);
    }

    private Mono<BoardRoleView> view(BoardRole role) {
        return roles.organisationName(role).map(name -> BoardRoleView.of(role, name));
    }

    private static ResponseEntity<BoardRoleView> tagged(BoardRoleView view) {
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

}
