package io.launchpad.api.board;

import io.launchpad.api.moderation.ModeratedContent;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * Board roles can be hidden by an administrator: gone from lists and matching; its
 * association still sees it.
 */
@Component
class BoardRoleModeration implements ModeratedContent {

    private final BoardRoles roles;

    BoardRoleModeration(BoardRoles roles) {
        this.roles = roles;
    }

    @Override
    public String kind() {
        return "board-role";
    }

    @Override
    public Mono<Target> setHidden(UUID id, @Nullable String reason) {
        return roles.setHidden(id, reason)
            .map(r -> new Target(r.id(), r.title(), r.organisationId(), "/board-roles/" + r.id()));
    }

}
