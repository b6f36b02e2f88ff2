package io.launchpad.api.admin;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.web.Limits;
import io.launchpad.api.web.Page;
import io.launchpad.matching.ParkedOutboxRow;
import io.launchpad.matching.ParkedOutboxRows;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import io.launchpad.api.web.RowIds;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The matching outbox rows parked because Elasticsearch kept rejecting their document;
 * admins only. An operator reads the error, fixes the cause (the record, the index
 * template), then re-queues the row, or discards it when the change no longer matters.
 */
@RestController
class OutboxAdminController {

    private final ParkedOutboxRows parked;

    OutboxAdminController(ParkedOutboxRows parked) {
        this.parked = parked;
    }

    @Operation(
            summary = "Outbox rows parked because Elasticsearch kept rejecting their document, oldest first (cursor-paginated)")
    @GetMapping("/api/v1/admin/outbox/parked")
    Mono<Page<ParkedOutboxRow>> list(@RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        // parameters are checked after the caller: a non-admin learns nothing from a 400
        return AdminOnly.require("the matching outbox")
            .then(Mono.fromCallable(() -> RowCursor.decode(cursor)))
            .flatMap(after -> {
                int size = Limits.pageSize(limit);
                // one more than asked says whether another page follows
                return parked.list(after, size + 1)
                    .collectList()
                    .map(rows -> rows.size() <= size ? new Page<>(rows, null) : new Page<>(
                            List.copyOf(rows.subList(0, size)), RowCursor.encode(rows.get(size - 1).id())));
            });
    }

    @Operation(summary = "Re-queue a parked outbox row once the cause is fixed; the indexer sends it again at once")
    @ApiResponse(responseCode = "204", description = "Pending again, with no attempts counted")
    @PostMapping("/api/v1/admin/outbox/parked/{id}/retry")
    Mono<ResponseEntity<Void>> retry(
            @Parameter(schema = @Schema(type = "integer", format = "int64", minimum = "1")) @PathVariable String id) {
        return AdminOnly.require("the matching outbox")
            .then(Mono.fromCallable(() -> rowId(id)))
            .flatMap(parked::retry)
            .flatMap(OutboxAdminController::noContentOrNotFound);
    }

    @Operation(summary = "Discard a parked outbox row: its change will never reach the index")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/api/v1/admin/outbox/parked/{id}")
    Mono<ResponseEntity<Void>> discard(
            @Parameter(schema = @Schema(type = "integer", format = "int64", minimum = "1")) @PathVariable String id) {
        return AdminOnly.require("the matching outbox")
            .then(Mono.fromCallable(() -> rowId(id)))
            .flatMap(parked::discard)
            .flatMap(OutboxAdminController::noContentOrNotFound);
    }

    private static long rowId(String id) {
        return RowIds.parse(id, "a parked outbox row");
    }

    private static Mono<ResponseEntity<Void>> noContentOrNotFound(boolean found) {
        return found ? Mono.just(ResponseEntity.noContent().build())
                : Mono.error(ApiProblem.notFound("Parked outbox row"));
    }

    /** The last row id of a page, opaque to clients like every cursor of this API. */
    static final class RowCursor {

        private static final String VERSION = "o1|";

        private RowCursor() {
        }

        static String encode(long id) {
            return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((VERSION + id).getBytes(StandardCharsets.UTF_8));
        }

        static long decode(@Nullable String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return 0;
            }
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                if (!raw.startsWith(VERSION)) {
                    throw new IllegalArgumentException("unknown cursor layout");
                }
                return Long.parseLong(raw.substring(VERSION.length()));
            }
            catch (IllegalArgumentException e) {
                throw ApiProblem.field(ProblemType.INVALID_PARAMETER, "cursor", "valid-cursor",
                        "is not a cursor this API issued; start again without it");
            }
        }

    }

}
