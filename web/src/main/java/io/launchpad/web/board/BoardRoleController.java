package io.launchpad.web.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import io.launchpad.web.account.Account;
import io.launchpad.web.account.Me;
import io.launchpad.web.api.ApiProblemException;
import io.launchpad.web.challenge.Taxonomies;
import io.launchpad.web.forms.FormFields;
import io.launchpad.web.forms.FormProblems;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Board roles: an association writes one (skills matrix, the gaps it fills, time, pay,
 * place, closing date, diversity aims), publishes or closes it; a candidate reads an open
 * role and applies with a statement. The API checks every rule; the forms show its answer
 * beside the fields.
 */
@Controller
class BoardRoleController {

    /** One association's roles on the list page. */
    public record AssociationRoles(Me.Membership association, List<Map<String, Object>> roles) {
    }

    private final BoardApi api;

    private final Account account;

    private final Taxonomies taxonomies;

    /**
     * The application form's one field, in the words beside it ("Why you, why this
     * board").
     */
    static final FormFields APPLICATION_FIELDS = FormFields.of("application")
        .enter("statement", "Your statement", "why you want this role and what you bring to the board")
        .message("statement", "size", "Your statement must be 5,000 characters or fewer");

    BoardRoleController(BoardApi api, Account account, Taxonomies taxonomies) {
        this.api = api;
        this.account = account;
        this.taxonomies = taxonomies;
    }

    @GetMapping("/board-roles")
    Mono<String> roles(Model model) {
        return me().flatMap(me -> {
            Mono<List<AssociationRoles>> own = Flux.fromIterable(associations(me.orElse(null)))
                .concatMap(
                        association -> api.list("/api/v1/board-roles", "organisationId", association.organisationId())
                            .map(page -> new AssociationRoles(association, BoardApi.items(page))))
                .collectList();
            return Mono.zip(own, api.get("/api/v1/board-roles")).map(all -> {
                model.addAttribute("ownRoles", all.getT1());
                model.addAttribute("openRoles", BoardApi.items(all.getT2()));
                model.addAttribute("regions", Regions.of(taxonomies));
                return "board-roles";
            });
        });
    }

    @GetMapping("/board-roles/{id}")
    Mono<String> role(@PathVariable String id, Model model) {
        return Mono.zip(api.get("/api/v1/board-roles/{id}", id), me(), api.framework()).map(all -> {
            Map<String, Object> role = all.getT1();
            model.addAttribute("role", role);
            model.addAttribute("owner",
                    all.getT2().map(me -> me.isMemberOf(String.valueOf(role.get("organisationId")))).orElse(false));
            model.addAttribute("framework", all.getT3());
            model.addAttribute("regions", Regions.of(taxonomies));
            return "board-role";
        });
    }

    @PostMapping("/board-roles/{id}/apply")
    Mono<String> apply(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            String statement = FormProblems.text(form, "statement");
            model.addAttribute("statement", statement);
            return api
                .post(Map.of("statement", statement == null ? "" : statement), "/api/v1/board-roles/{id}/applications",
                        id)
                .thenReturn("redirect:/candidate/applications")
                .onErrorResume(e -> FormProblems.refused(e, model, APPLICATION_FIELDS, () -> role(id, model)));
        });
    }

    @PostMapping("/board-roles/{id}/publish")
    Mono<String> publish(@PathVariable String id, Model model) {
        return api.post(null, "/api/v1/board-roles/{id}/publish", id)
            .thenReturn("redirect:/board-roles/" + id)
            .onErrorResume(e -> FormProblems.refused(e, model, () -> role(id, model)));
    }

    @PostMapping("/board-roles/{id}/close")
    Mono<String> close(@PathVariable String id, Model model) {
        return api.post(null, "/api/v1/board-roles/{id}/close", id)
            .thenReturn("redirect:/board-roles/" + id)
            .onErrorResume(e -> FormProblems.refused(e, model, () -> role(id, model)));
    }

    // --- writing a role
    // ----------------------------------------------------------------------

    @GetMapping("/board-roles/new")
    Mono<String> newRole(Model model) {
        return form(model, null, Map.of());
    }

    @PostMapping("/board-roles/new")
    Mono<String> create(ServerWebExchange exchange, Model model) {
        return Mono.zip(exchange.getFormData(), api.framework()).flatMap(all -> {
            MultiValueMap<String, String> form = all.getT1();
            boolean publish = "publish".equals(form.getFirst("action"));
            return api.post(BoardRoleForm.body(form, all.getT2()), "/api/v1/board-roles")
                .flatMap(created -> publish ? published(created) : Mono.just(created))
                .map(role -> "redirect:/board-roles/" + role.get("id"))
                .onErrorResume(e -> FormProblems.refused(e, model, BoardRoleForm.fields(all.getT2()),
                        FormProblems.notWholeNumbers(form, Map.of("hoursPerMonth", "hoursPerMonth")),
                        () -> form(model, null, form.toSingleValueMap())));
        });
    }

    @GetMapping("/board-roles/{id}/edit")
    Mono<String> edit(@PathVariable String id, Model model) {
        return api.get("/api/v1/board-roles/{id}", id).flatMap(role -> form(model, role, BoardRoleForm.values(role)));
    }

    @PostMapping("/board-roles/{id}/edit")
    Mono<String> update(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return Mono.zip(exchange.getFormData(), api.framework()).flatMap(all -> {
            MultiValueMap<String, String> form = all.getT1();
            boolean publish = "publish".equals(form.getFirst("action"));
            return api
                .put(BoardRoleForm.body(form, all.getT2()), FormProblems.text(form, "version"),
                        "/api/v1/board-roles/{id}", id)
                .flatMap(updated -> publish && "draft".equals(updated.get("status")) ? published(updated)
                        : Mono.just(updated))
                .thenReturn("redirect:/board-roles/" + id)
                // what was typed stays; the role (and so the version sent next time) is
                // the current one
                .onErrorResume(e -> FormProblems.refused(e, model, BoardRoleForm.fields(all.getT2()),
                        FormProblems.notWholeNumbers(form, Map.of("hoursPerMonth", "hoursPerMonth")),
                        () -> api.get("/api/v1/board-roles/{id}", id)
                            .flatMap(role -> form(model, role, form.toSingleValueMap()))));
        });
    }

    /**
     * Publishes a role just saved. Should publishing be refused, the saved draft stands
     * and its page says so (with a publish button): sending the form again would create a
     * second role.
     */
    private Mono<Map<String, Object>> published(Map<String, Object> role) {
        return api.post(null, "/api/v1/board-roles/{id}/publish", role.get("id"))
            .onErrorResume(ApiProblemException.class, e -> e.isRefusal() ? Mono.just(role) : Mono.error(e));
    }

    private Mono<String> form(Model model, @Nullable Map<String, Object> role, Map<String, String> values) {
        return Mono.zip(me(), api.framework()).map(all -> {
            model.addAttribute("role", role);
            model.addAttribute("associations", associations(all.getT1().orElse(null)));
            model.addAttribute("values", values);
            model.addAttribute("framework", all.getT2());
            model.addAttribute("regions", Regions.of(taxonomies));
            model.addAttribute("remunerationOptions", BoardRoleForm.REMUNERATION);
            return "board-role-form";
        });
    }

    private Mono<Optional<Me>> me() {
        return account.me()
            .map(Optional::of)
            .onErrorResume(ApiProblemException.class, e -> Mono.just(Optional.empty()))
            .defaultIfEmpty(Optional.empty());
    }

    static List<Me.Membership> associations(@Nullable Me me) {
        List<Me.Membership> associations = new ArrayList<>();
        if (me != null) {
            me.memberships()
                .stream()
                .filter(m -> "association".equals(m.organisationType()))
                .forEach(associations::add);
        }
        return associations;
    }

}
