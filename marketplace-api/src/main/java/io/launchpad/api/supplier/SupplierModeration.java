package io.launchpad.api.supplier;

import io.launchpad.api.moderation.ModeratedContent;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * Supplier profiles can be hidden by an administrator: gone from lists, search and
 * matching; its members still see it.
 */
@Component
class SupplierModeration implements ModeratedContent {

    private final SupplierProfiles profiles;

    SupplierModeration(SupplierProfiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public String kind() {
        return "supplier-profile";
    }

    @Override
    public Mono<Target> setHidden(UUID id, @Nullable String reason) {
        return profiles.setHidden(id, reason)
            .map(p -> new Target(p.id(), p.name(), p.organisationId(), "/supplier/profile"));
    }

}
