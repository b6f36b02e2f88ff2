package io.launchpad.api.programme;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.programme.ProgrammeFigures.Programme;
import io.launchpad.api.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Programme figures for admins: how many challenges sit at each stage, how many responses
 * each drew, how long an award takes, and how pilots turned out.
 */
@RestController
class ProgrammeController {

    private final ProgrammeFigures figures;

    ProgrammeController(ProgrammeFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/api/v1/admin/programme")
    Mono<Programme> programme() {
        return Caller.current()
            .flatMap(caller -> caller.isAdmin() ? figures.now()
                    : Mono.error(ApiProblem.forbidden("Programme figures are for admins")));
    }

}
