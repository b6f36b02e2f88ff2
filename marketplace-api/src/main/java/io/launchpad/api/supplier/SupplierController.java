package io.launchpad.api.supplier;

import io.launchpad.api.problem.ApiProblem;
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
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

@RestController
@RequestMapping("/api/v1/suppliers")
class SupplierController {

    record SupplierView(UUID id, UUID organisationId, String name, String summary, String capabilities, String products,
            String caseStudies, List<String> regions, List<String> accreditations, @Nullable String size,
            List<String> categories, String status, Instant createdAt, Instant updatedAt, @Nullable Instant publishedAt,
            long version, @Nullable String hiddenReason) {

        static SupplierView of(SupplierProfile p) {
            return new SupplierView(p.id(), p.organisationId(), p.name(), p.summary(), p.capabilities(), p.products(),
                    p.caseStudies(), p.regions(), p.accreditations(), p.size(), p.categories(),
                    p.status().name().toLowerCase(), p.createdAt(), p.updatedAt(), p.publishedAt(), p.version(),
                    p.hiddenReason());
        }
    }

    private final SupplierProfiles profiles;

    SupplierController(SupplierProfiles profiles) {
        this.profiles = profiles;
    }

    @Operation(summary = "Create a draft supplier profile")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new profile",
            useReturnTypeSchema = true)
    @PostMapping
    Mono<ResponseEntity<SupplierView>> create(@Valid @RequestBody SupplierFields request) {
        UUID organisationId = request.organisationId();
        if (organisationId == null) {
            throw ApiProblem.invalid("organisationId", "required", "must name the supplier organisation");
        }
        return Caller.current()
            .flatMap(caller -> profiles.create(caller, organisationId, request))
            .map(profile -> ResponseEntity.created(URI.create("/api/v1/suppliers/" + profile.id()))
                .eTag(ETags.of(profile.version()))
                .body(SupplierView.of(profile)));
    }

    @Operation(summary = "Read a supplier profile (published, or a draft of your own)")
    @GetMapping("/{id}")
    Mono<ResponseEntity<SupplierView>> read(@PathVariable UUID id) {
        return Caller.current().flatMap(caller -> profiles.read(caller, id)).map(SupplierController::withTag);
    }

    @Operation(summary = "List published supplier profiles, newest first (cursor-paginated)")
    @GetMapping
    Mono<Page<SupplierView>> published(@RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        int size = Limits.pageSize(limit);
        return profiles.published(Cursor.decode(cursor), size)
            .map(page -> new Page<>(page.items().stream().map(SupplierView::of).toList(), page.nextCursor()));
    }

    @Operation(summary = "Replace a supplier profile (If-Match required)")
    @PutMapping("/{id}")
    Mono<ResponseEntity<SupplierView>> update(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @Valid @RequestBody SupplierFields fields) {
        long version = ETags.requiredVersion(ifMatch);
        return Caller.current()
            .flatMap(caller -> profiles.update(caller, id, version, fields))
            .map(SupplierController::withTag);
    }

    @Operation(summary = "Publish a supplier profile")
    @PostMapping("/{id}/publish")
    Mono<ResponseEntity<SupplierView>> publish(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        Long version = ETags.optionalVersion(ifMatch);
        return Caller.current()
            .flatMap(caller -> profiles.publish(caller, id, version))
            .map(SupplierController::withTag);
    }

    private static ResponseEntity<SupplierView> withTag(SupplierProfile profile) {
        return ResponseEntity.ok().eTag(ETags.of(profile.version())).body(SupplierView.of(profile));
    }

}
