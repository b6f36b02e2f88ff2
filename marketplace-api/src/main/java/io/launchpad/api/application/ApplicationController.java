package io.launchpad.api.application;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.security.Caller;
import io.launchpad.api.web.ETags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

@RestController
class ApplicationController {

    record ApplyRequest(@NotBlank @Size(max = 5_000) String statement) {
    }

    record DecisionRequest(@NotBlank @Size(max = 40) String status, @Size(max = 5_000) @Nullable String feedback) {
    }

    private final Applications applications;

    ApplicationController(Applications applications) {
        this.applications = applications;
    }

    @ApiResponse(responseCode = "201", description = "Created; Location names the new application",
            useReturnTypeSchema = true)
    @PostMapping("/api/v1/board-roles/{id}/applications")
    Mono<ResponseEntity<ApplicationViews.OwnView>> apply(@PathVariable UUID id,
            @Valid @RequestBody ApplyRequest request) {
        return Caller.current()
            .flatMap(caller -> applications.apply(caller, id, request.statement())
                .flatMap(application -> applications.read(caller, application.id())))
            .map(view -> (ApplicationViews.OwnView) view)
            .map(view -> ResponseEntity.created(URI.create("/api/v1/applications/" + view.id()))
                .eTag(ETags.of(view.version()))
                .body(view));
    }

    @GetMapping("/api/v1/board-roles/{id}/applications")
    Mono<Map<String, List<ApplicationViews.Review>>> forRole(@PathVariable UUID id) {
        return Caller.current()
            .flatMapMany(caller -> applications.forRole(caller, id))
            .collectList()
            .map(items -> Map.of("items", items));
    }

    @GetMapping("/api/v1/applications/{id}")
    Mono<Object> read(@PathVariable UUID id) {
        return Caller.current().flatMap(caller -> applications.read(caller, id));
    }

    /**
     * The association shortlists, invites to interview, appoints or declines; the
     * candidate withdraws.
     */
    @PostMapping("/api/v1/applications/{id}/status")
    Mono<Object> decide(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @Valid @RequestBody DecisionRequest request) {
        Long version = ETags.optionalVersion(ifMatch);
        return Caller.current()
            .flatMap(caller -> applications.decide(caller, id, version, request.status(), request.feedback()));
    }

    @GetMapping("/api/v1/me/applications")
    Mono<Map<String, List<ApplicationViews.OwnView>>> mine() {
        return Caller.current().flatMapMany(caller -> {
            if (caller.isAnonymous()) {
                throw ApiProblem.forbidden("Sign in to see your applications");
            }
            return applications.mine(caller);
        }).collectList().map(items -> Map.of("items", items));
    }

}
