package io.launchpad.api.organisation;

import io.launchpad.api.input.SingleLine;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/organisations")
class OrganisationController {

    record RegisterOrganisation(
            @NotBlank @SingleLine @Size(min = 2, max = 200) String name,
            @NotNull @Pattern(regexp = "association|supplier", message = "must be association or supplier") String type) {
    }

    record AddMember(@NotBlank @SingleLine @Size(max = 200) String subject) {
    }

    record OrganisationView(UUID id, String name, String type, boolean verified, long version) {
        static OrganisationView of(Organisation organisation) {
            return new OrganisationView(organisation.id(), organisation.name(), organisation.type().code(),
                    organisation.verified(), organisation.version());
        }
    }

    private final Organisations organisations;

    OrganisationController(Organisations organisations) {
        this.organisations = organisations;
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Register an organisation you act for")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Created; Location names the new organisation", useReturnTypeSchema = true)
    @PostMapping
    Mono<ResponseEntity<OrganisationView>> register(@Valid @RequestBody RegisterOrganisation request) {
        return Caller.current()
                .flatMap(caller -> organisations.register(caller, request.name().strip(),
                        OrganisationType.fromCode(request.type())))
                .map(organisation -> ResponseEntity.created(URI.create("/api/v1/organisations/" + organisation.id()))
                        .eTag(ETags.of(organisation.version()))
                        .body(OrganisationView.of(organisation)));
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Read an organisation")
    @GetMapping("/{id}")
    Mono<ResponseEntity<OrganisationView>> read(@PathVariable UUID id) {
        return organisations.find(id)
                .map(organisation -> ResponseEntity.ok().eTag(ETags.of(organisation.version()))
                        .body(OrganisationView.of(organisation)));
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "List the members of your organisation")
    @GetMapping("/{id}/members")
    Mono<Map<String, List<String>>> members(@PathVariable UUID id) {
        return Caller.current()
                .flatMap(caller -> organisations.members(caller, id).collectList())
                .map(subjects -> Map.of("subjects", subjects));
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Add a member to your organisation")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Added")
    @PostMapping("/{id}/members")
    Mono<ResponseEntity<Void>> addMember(@PathVariable UUID id, @Valid @RequestBody AddMember request) {
        return Caller.current()
                .flatMap(caller -> organisations.addMember(caller, id, request.subject()))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Verify an organisation (admin)")
    @PostMapping("/{id}/verification")
    Mono<OrganisationView> verify(@PathVariable UUID id) {
        return Caller.current().flatMap(caller -> organisations.verify(caller, id)).map(OrganisationView::of);
    }
}
