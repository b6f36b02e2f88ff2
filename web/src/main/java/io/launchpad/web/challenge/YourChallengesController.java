package io.launchpad.web.challenge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.launchpad.web.account.Account;
import io.launchpad.web.account.Me;
import io.launchpad.web.api.LaunchpadApi;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import java.util.Collections;

/**
 * An association's own challenges by stage, drafts first: a draft whose publishing failed
 * is found here, and each stage says what can be done next. One list per association the
 * person belongs to.
 */
@Controller
class YourChallengesController {

    /**
     * Stages in the order an association works through them, each with what to do next.
     */
    static final Map<String, String> STAGES = stages();

    private final LaunchpadApi api;

    private final Account account;

    YourChallengesController(LaunchpadApi api, Account account) {
        this.api = api;
        this.account = account;
    }

    record Stage(String status, String heading, List<ChallengePage.Card> challenges) {
    }

    record Organisation(String name, List<Stage> stages, int total) {
    }

    @GetMapping("/challenges/mine")
    Mono<String> mine(Model model) {
        return account.me()
            .flatMapMany(me -> Flux.fromIterable(me.memberships()))
            .filter(membership -> "association".equals(membership.organisationType()))
            .concatMap(this::stagesOf)
            .collectList()
            .map(organisations -> {
                model.addAttribute("organisations", organisations);
                return "challenges-mine";
            });
    }

    private Mono<Organisation> stagesOf(Me.Membership membership) {
        return Flux.fromIterable(STAGES.entrySet())
            .concatMap(stage -> api
                .get(uri -> uri.path("/api/v1/challenges")
                    .queryParam("status", stage.getKey())
                    .queryParam("organisationId", "{org}")
                    .queryParam("limit", 100)
                    .build(membership.organisationId()), ChallengePage.class)
                .map(page -> new Stage(stage.getKey(), stage.getValue(), page.items())))
            .collectList()
            .map(stages -> new Organisation(
                    membership.organisationName() == null ? "Your association" : membership.organisationName(), stages,
                    stages.stream().mapToInt(s -> s.challenges().size()).sum()));
    }

    private static Map<String, String> stages() {
        Map<String, String> stages = new LinkedHashMap<>();
        stages.put("draft", "Drafts: not yet published");
        stages.put("published", "Open: taking questions and responses");
        stages.put("closed", "Closed: responses to evaluate");
        stages.put("awarded", "Awarded");
        stages.put("no-award", "Closed without an award");
        stages.put("withdrawn", "Withdrawn");
        return Collections.unmodifiableMap(stages);
    }

}
