package io.launchpad.api.organisation;

import io.launchpad.api.input.SingleLine;
import io.launchpad.api.security.Caller;
import io.launchpad.api.web.ETags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.web.bind.annotation.RequestHeader;

@RestController
@RequestMapping("/api/v1/organisations")
class OrganisationController {

    /**
     * The name's real limits (2 to 200 characters, counted after tidying) are checked by
     * {@link OrganisationNames}.
     */
    record RegisterOrganisation(@NotBlank @Size(max = 1000) String name,
            @NotNull @Pattern(regexp = "association|supplier", message = "must be association or supplier") String type,
            @Valid SectorIdentifiers identifiers) {
    }

    /** The person to invite, by their subject, their email, or both. */
    record InviteMember(@SingleLine @Size(max = 200) String subject, @SingleLine @Email @Size(max = 320) String email) {
    }

    record InvitationView(UUID id, UUID organisationId, String organisationName, String organisationType,
            String inviteeSubject, String inviteeEmail, String status, Instant createdAt, Instant expiresAt) {
        static InvitationView of(Invitation invitation) {
            return new InvitationView(invitation.id(), invitation.organisationId(), invitation.organisationName(),
                    invitation.organisationType().code(), invitation.inviteeSubject(), invitation.inviteeEmail(),
                    invitation.status().code(), invitation.createdAt(), invitation.expiresAt());
        }
    }

    /**
     * @param registers the same numbers, each with its register's scheme (org-id.guide
     * codes, as open data names them) and the register's name
     */
    record OrganisationView(UUID id, String name, String type, boolean verified, long version,
            SectorIdentifiers identifiers, List<SectorIdentifiers.Identifier> registers) {
        static OrganisationView of(Organisation organisation) {
            return new OrganisationView(organisation.id(), organisation.name(), organisation.type().code(),
                    organisation.verified(), organisation.version(), organisation.identifiers(),
                    organisation.identifiers().listed());
        }
    }

    private final Organisations organisations;

    private final Invitations invitations;

    OrganisationController(Organisations organisations, Invitations invitations) {
        this.organisations = organisations;
        this.invitations = invitations;
    }

    @Operation(summary = "Register an organisation you act for")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new organisation",
            useReturnTypeSchema = true)
    @PostMapping
    Mono<ResponseEntity<OrganisationView>> register(@Valid @RequestBody RegisterOrganisation request) {
        return Caller.current()
            .flatMap(caller -> organisations.register(caller, request.name(), OrganisationType.fromCode(request.type()),
                    request.identifiers()))
            .map(organisation -> ResponseEntity.created(URI.create("/api/v1/organisations/" + organisation.id()))
                .eTag(ETags.of(organisation.version()))
                .body(OrganisationView.of(organisation)));
    }

    @Operation(summary = "Read an organisation")
    @GetMapping("/{id}")
    Mono<ResponseEntity<OrganisationView>> read(@PathVariable UUID id) {
        return organisations.find(id)
            .map(organisation -> ResponseEntity.ok()
                .eTag(ETags.of(organisation.version()))
                .body(OrganisationView.of(organisation)));
    }

    @Operation(summary = "Replace your organisation's numbers on public registers",
            description = "Companies House, charity, mutuals and social housing registration numbers; each optional, "
                    + "tidied (spaces, case, leading zeros) and checked against its register's format (422 naming the field).")
    @PutMapping("/{id}/identifiers")
    Mono<ResponseEntity<OrganisationView>> changeIdentifiers(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @Valid @RequestBody SectorIdentifiers identifiers) {
        return Caller.current()
            .flatMap(caller -> organisations.changeIdentifiers(caller, id, identifiers, ETags.optionalVersion(ifMatch)))
            .map(organisation -> ResponseEntity.ok()
                .eTag(ETags.of(organisation.version()))
                .body(OrganisationView.of(organisation)));
    }

    @Operation(summary = "List the members of your organisation")
    @GetMapping("/{id}/members")
    Mono<Map<String, List<String>>> members(@PathVariable UUID id) {
        return Caller.current()
            .flatMap(caller -> organisations.members(caller, id).collectList())
            .map(subjects -> Map.of("subjects", subjects));
    }

    @Operation(summary = "Invite a person to act for your organisation",
            description = "The person becomes a member only by accepting (POST /api/v1/me/invitations/{id}/acceptance) "
                    + "before the invitation expires, and only if they hold the role of the organisation's type.")
    @ApiResponse(responseCode = "201", description = "Invited (or the pending invitation, when already invited)",
            useReturnTypeSchema = true)
    @PostMapping("/{id}/invitations")
    Mono<ResponseEntity<InvitationView>> invite(@PathVariable UUID id, @Valid @RequestBody InviteMember request) {
        return Caller.current()
            .flatMap(caller -> invitations.invite(caller, id,
                    new Invitations.Invitee(request.subject(), request.email())))
            .map(invitation -> ResponseEntity.status(HttpStatus.CREATED).body(InvitationView.of(invitation)));
    }

    /**
     * Clients written when this added members directly: it now only invites, hence 202
     * rather than 204.
     */
    @Operation(summary = "Invite a person (former 'add a member')", deprecated = true,
            description = "Adds nobody: creates the same invitation as POST /api/v1/organisations/{id}/invitations.")
    @ApiResponse(responseCode = "202", description = "Invitation sent; membership follows only on acceptance",
            useReturnTypeSchema = true)
    @PostMapping("/{id}/members")
    Mono<ResponseEntity<InvitationView>> addMember(@PathVariable UUID id, @Valid @RequestBody InviteMember request) {
        return Caller.current()
            .flatMap(caller -> invitations.invite(caller, id,
                    new Invitations.Invitee(request.subject(), request.email())))
            .map(invitation -> ResponseEntity.accepted().body(InvitationView.of(invitation)));
    }

    @Operation(summary = "Verify an organisation (admin)")
    @PostMapping("/{id}/verification")
    Mono<OrganisationView> verify(@PathVariable UUID id) {
        return Caller.current().flatMap(caller -> organisations.verify(caller, id)).map(OrganisationView::of);
    }

}
