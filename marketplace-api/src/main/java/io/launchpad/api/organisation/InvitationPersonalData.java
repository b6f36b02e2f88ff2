package io.launchpad.api.organisation;

import io.launchpad.api.privacy.PersonalData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Invitations name the invitee (subject, email) and the member who sent them: both
 * people's data. Runs before the platform's own erasure, which removes the person row
 * this looks emails up in.
 */
@Component
class InvitationPersonalData implements PersonalData {

    private final InvitationRepository repository;

    InvitationPersonalData(InvitationRepository repository) {
        this.repository = repository;
    }

    @Override
    public String section() {
        return "organisationInvitations";
    }

    @Override
    public Set<String> tables() {
        return Set.of("organisation_invitation");
    }

    @Override
    public int erasureOrder() {
        return 40;
    }

    @Override
    public Mono<Object> export(String subject) {
        return repository.concerning(subject)
            .map(row -> JsonMapper.shared().readValue(row, Object.class))
            .collectList()
            .map(rows -> rows);
    }

    @Override
    public Mono<Erased> erase(String subject) {
        return repository.eraseFor(subject).map(rows -> new Erased(rows, 0));
    }

}
