package io.launchpad.api.audit;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.security.Caller;
import io.launchpad.api.web.Limits;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The audit log: admins read all of it, a person reads what was done with their own
 * candidate data.
 */
@RestController
class AuditController {

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/api/v1/audit")
    Mono<Map<String, List<AuditLog.AdminEntry>>> all(@RequestParam(required = false) @Nullable UUID candidateId,
            @RequestParam(required = false) @Nullable Integer limit) {
        int size = Limits.pageSize(limit);
        return Caller.current()
            .flatMapMany(caller -> log.all(caller, candidateId, size))
            .collectList()
            .map(items -> Map.of("items", items));
    }

    @GetMapping("/api/v1/me/audit")
    Mono<Map<String, List<AuditLog.Entry>>> mine(@RequestParam(required = false) @Nullable Integer limit) {
        int size = Limits.pageSize(limit);
        return Caller.current().flatMapMany(caller -> {
            if (caller.isAnonymous()) {
                throw ApiProblem.forbidden("Only a signed-in person has an audit trail");
            }
            return log.about(caller.subject(), size);
        }).collectList().map(items -> Map.of("items", items));
    }

}
