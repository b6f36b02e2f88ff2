package io.launchpad.api.admin;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.matching.ConsistencyReport;
import io.launchpad.matching.IndexLifecycle;
import io.launchpad.matching.ReindexInProgressException;
import io.launchpad.matching.ReindexProgress;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import io.launchpad.matching.ReindexReport;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Operating the matching indexes; admins only. A reindex answers when it is done, with
 * its report (at 100k profiles that takes minutes: call it with a long timeout), or at
 * once with {@code Prefer: respond-async}, to be followed through its progress. Progress
 * is shared through PostgreSQL, so any instance behind the load balancer answers with the
 * same run.
 */
@RestController
class IndexAdminController {

    private static final String PROGRESS = "/api/v1/admin/reindex/progress";

    /**
     * How long a 202 waits for the rebuild to be refused or to finish before answering
     * that it runs.
     */
    private static final Duration ASYNC_WAIT = Duration.ofSeconds(1);

    private final IndexLifecycle lifecycle;

    IndexAdminController(IndexLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /**
     * Rebuilds the indexes and answers with the report when done; with
     * {@code Prefer: respond-async} (RFC 7240) it answers 202 as soon as the rebuild has
     * started (or, on a small data set, finished), and
     * {@code GET /api/v1/admin/reindex/progress} follows it.
     */
    @ApiResponse(responseCode = "200", description = "Rebuilt: what the reindex did",
            content = @Content(schema = @Schema(implementation = ReindexReport.class)))
    @ApiResponse(responseCode = "202",
            description = "Started (Prefer: respond-async); Location names the progress to follow",
            content = @Content(schema = @Schema(implementation = ReindexProgress.class)))
    @PostMapping("/api/v1/admin/reindex")
    Mono<ResponseEntity<Object>> reindex(@RequestHeader(name = "Prefer", required = false) @Nullable String prefer) {
        boolean async = prefer != null && Arrays.stream(prefer.split(","))
            .anyMatch(preference -> "respond-async".equalsIgnoreCase(preference.strip()));
        return AdminOnly.require("the matching indexes").then(Mono.defer(() -> {
            // toFuture subscribes on its own, and fromFuture(.., true) never cancels it:
            // a client that hangs up
            // (or a 202 that stops waiting) does not cancel a rebuild half-way
            var running = lifecycle.reindex().toFuture();
            if (!async) {
                return Mono.fromFuture(running, true).<ResponseEntity<Object>>map(ResponseEntity::ok);
            }
            // a refusal (another rebuild runs) comes at once; a rebuild under way is
            // followed through progress
            // suppressCancel: giving up waiting must not cancel the rebuild itself
            return Mono.fromFuture(running, true)
                .map(report -> true)
                .timeout(ASYNC_WAIT, Mono.just(false))
                .then(lifecycle.progress())
                .map(progress -> ResponseEntity.accepted()
                    .location(URI.create(PROGRESS))
                    .header("Preference-Applied", "respond-async")
                    .<Object>body(progress));
        }))
            .onErrorMap(ReindexInProgressException.class,
                    running -> ApiProblem.conflict(running.getMessage() + "; wait for its report"));
    }

    /**
     * How the latest reindex, started on any instance, is going: counts per index, then
     * the report.
     */
    @GetMapping(PROGRESS)
    Mono<ReindexProgress> progress() {
        return AdminOnly.require("the matching indexes").then(Mono.defer(lifecycle::progress));
    }

    /**
     * The report with its verdict spelled out, so a client need not add up the counts;
     * parked outbox rows are listed in full at {@code /api/v1/admin/outbox/parked}.
     */
    record ConsistencyView(boolean consistent, List<ConsistencyReport.IndexCount> indexes,
            List<ConsistencyReport.Difference> differences, boolean truncated, long parkedOutboxRows,
            List<Long> parkedOutboxRowIds) {

        static ConsistencyView of(ConsistencyReport report) {
            return new ConsistencyView(report.consistent(), report.indexes(), report.differences(), report.truncated(),
                    report.parkedOutboxRows(), report.parkedOutboxRowIds());
        }
    }

    @GetMapping("/api/v1/admin/index-consistency")
    Mono<ConsistencyView> consistency() {
        return AdminOnly.require("the matching indexes")
            .then(Mono.defer(lifecycle::checkConsistency))
            .map(ConsistencyView::of);
    }

}
