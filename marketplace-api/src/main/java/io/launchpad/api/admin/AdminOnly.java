package io.launchpad.api.admin;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.security.Caller;
import reactor.core.publisher.Mono;

/**
 * The rule of every admin operation: the caller is an administrator, or it is a 403
 * saying what is guarded.
 */
final class AdminOnly {

    private AdminOnly() {
    }

    /**
     * Completes empty for an administrator; {@code guarded} names what others may not
     * operate.
     */
    static Mono<Void> require(String guarded) {
        return Caller.current()
            .flatMap(caller -> caller.isAdmin() ? Mono.<Void>empty()
                    : Mono.error(ApiProblem.forbidden("Only administrators operate " + guarded)));
    }

}
