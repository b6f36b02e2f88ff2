package io.launchpad.api.moderation;

import io.launchpad.api.security.Caller;
import io.launchpad.api.web.Cursor;
import io.launchpad.api.web.Limits;
import io.launchpad.api.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * Admins hide abusive or misleading content with a reason the owner is shown, and restore
 * it. Kinds: {@code challenge}, {@code supplier-profile}, {@code board-role},
 * {@code question}.
 */
@RestController
@RequestMapping("/api/v1/admin/moderation")
class ModerationController {

    /**
     * Why the item is hidden, in words its owner will read ("Hidden by Launchpad: ...").
     */
    record Hide(@NotBlank @Size(max = 500) String reason) {
    }

    private final Moderation moderation;

    ModerationController(Moderation moderation) {
        this.moderation = moderation;
    }

    @Operation(summary = "What is hidden now, most recently hidden first (admins)")
    @GetMapping
    Mono<Page<Moderation.Hold>> hidden(@RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        int size = Limits.pageSize(limit);
        Cursor after = Cursor.decode(cursor);
        return Caller.current().flatMap(caller -> moderation.hidden(caller, after, size));
    }

    @Operation(summary = "Hide an item from everyone but its owner and admins, with a reason (admins)")
    @PutMapping("/{kind}/{id}")
    Mono<Moderation.Hold> hide(@PathVariable String kind, @PathVariable UUID id, @Valid @RequestBody Hide hide) {
        return Caller.current().flatMap(caller -> moderation.hide(caller, kind, id, hide.reason().strip()));
    }

    @Operation(summary = "Restore a hidden item (admins)")
    @ApiResponse(responseCode = "204", description = "Restored (or was not hidden)")
    @DeleteMapping("/{kind}/{id}")
    Mono<ResponseEntity<Void>> restore(@PathVariable String kind, @PathVariable UUID id) {
        return Caller.current()
            .flatMap(caller -> moderation.restore(caller, kind, id))
            .thenReturn(ResponseEntity.noContent().build());
    }

    @Operation(summary = "Who hid or restored an item, and why, newest first (admins)")
    @GetMapping("/{kind}/{id}/actions")
    Mono<List<Moderation.Action>> trail(@PathVariable String kind, @PathVariable UUID id) {
        return Caller.current().flatMap(caller -> moderation.trail(caller, kind, id));
    }

}
