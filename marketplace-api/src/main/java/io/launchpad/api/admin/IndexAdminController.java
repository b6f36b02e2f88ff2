package io.launchpad.api.admin;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.matching.ConsistencyReport;
import io.launchpad.matching.IndexLifecycle;
import io.launchpad.matching.ReindexInProgressException;
import io.launchpad.matching.ReindexReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Operating the matching indexes; admins only. A reindex answers when it is done, with its report
 * (at 100k profiles that takes minutes: call it with a long timeout).
 */
@RestController
class IndexAdminController {

    private final IndexLifecycle lifecycle;

    IndexAdminController(IndexLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @PostMapping("/api/v1/admin/reindex")
    Mono<ReindexReport> reindex() {
        // toFuture subscribes on its own: a client that hangs up does not cancel a rebuild half-way
        return AdminOnly.require("the matching indexes").then(Mono.defer(() -> Mono.fromFuture(lifecycle.reindex().toFuture())))
                .onErrorMap(ReindexInProgressException.class,
                        running -> ApiProblem.conflict(running.getMessage() + "; wait for its report"));
    }

    /**
     * The report with its verdict spelled out, so a client need not add up the counts; parked outbox
     * rows are listed in full at {@code /api/v1/admin/outbox/parked}.
     */
    record ConsistencyView(boolean consistent, java.util.List<ConsistencyReport.IndexCount> indexes,
            java.util.List<ConsistencyReport.Difference> differences, boolean truncated, long parkedOutboxRows,
            java.util.List<Long> parkedOutboxRowIds) {

        static ConsistencyView of(ConsistencyReport report) {
            return new ConsistencyView(report.consistent(), report.indexes(), report.differences(), report.truncated(),
                    report.parkedOutboxRows(), report.parkedOutboxRowIds());
        }
    }

    @GetMapping("/api/v1/admin/index-consistency")
    Mono<ConsistencyView> consistency() {
        return AdminOnly.require("the matching indexes").then(Mono.defer(lifecycle::checkConsistency)).map(ConsistencyView::of);
    }

}
