package io.launchpad.api.moderation;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * A kind of content an administrator can hide. Each feature implements it for its own
 * table (so moderation never reaches into a feature): it sets or clears its own hidden
 * mark, bumps the version (so the ETag changes and the matching index takes the newer
 * document) and announces the change through the outbox in the same transaction, after
 * which search and matching leave the item out.
 */
public interface ModeratedContent {

    /**
     * The kind as the API names it in paths: {@code challenge}, {@code supplier-profile},
     * ...
     */
    String kind();

    /**
     * Hides the item with {@code reason}, or restores it when {@code reason} is null;
     * empty when there is no such item.
     */
    Mono<Target> setHidden(UUID id, @Nullable String reason);

    /**
     * What the moderation list shows of the item: its title (name, question), its owning
     * organisation, and where on the web its owner finds it (the notification that it was
     * hidden links there).
     */
    record Target(UUID id, String title, UUID organisationId, String link) {
    }

}
