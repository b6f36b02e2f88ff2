package io.launchpad.api.organisation;

import io.launchpad.api.organisation.OrganisationController.InvitationView;
import io.launchpad.api.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** The invitee's side of an invitation: what they were offered, and their answer. */
@RestController
class InvitationController {

    record InvitationList(List<InvitationView> items) {
    }

    record MembershipView(UUID organisationId, String organisationName, String organisationType) {
    }

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    @Operation(summary = "Your pending invitations to act for an organisation")
    @GetMapping("/api/v1/me/invitations")
    Mono<InvitationList> mine() {
        return Caller.current()
            .flatMapMany(invitations::pendingFor)
            .map(InvitationView::of)
            .collectList()
            .map(InvitationList::new);
    }

    @Operation(summary = "Accept an invitation: you act for the organisation from now on")
    @PostMapping("/api/v1/me/invitations/{id}/acceptance")
    Mono<MembershipView> accept(@PathVariable UUID id) {
        return Caller.current()
            .flatMap(caller -> invitations.accept(caller, id))
            .map(m -> new MembershipView(m.organisationId(), m.organisationName(), m.organisationType().code()));
    }

    @Operation(summary = "Decline an invitation")
    @ApiResponse(responseCode = "204", description = "Declined")
    @PostMapping("/api/v1/me/invitations/{id}/decline")
    Mono<ResponseEntity<Void>> decline(@PathVariable UUID id) {
        return Caller.current()
            .flatMap(caller -> invitations.decline(caller, id))
            .thenReturn(ResponseEntity.noContent().build());
    }

}
