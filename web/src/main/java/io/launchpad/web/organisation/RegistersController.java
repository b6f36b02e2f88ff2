package io.launchpad.web.organisation;

import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import io.launchpad.web.account.Account;
import io.launchpad.web.api.LaunchpadApi;
import io.launchpad.web.forms.FormFields;
import io.launchpad.web.forms.FormProblems;

import reactor.core.publisher.Mono;

/**
 * An organisation's numbers on public registers, for its members (and admins) to read and
 * change ({@code PUT /api/v1/organisations/{id}/identifiers}, {@code If-Match}: the
 * version the form was filled from). A refused number is said beside its box; a change
 * someone else made meanwhile is explained and the form shows what was typed again, ready
 * to save over the current version.
 */
@Controller
class RegistersController {

    private static final FormFields FIELDS = RegisterNumbers.addTo(FormFields.of("organisation’s register numbers"),
            "");

    private final LaunchpadApi api;

    private final Account account;

    private final OrganisationRegisters organisations;

    RegistersController(LaunchpadApi api, Account account, OrganisationRegisters organisations) {
        this.api = api;
        this.account = account;
        this.organisations = organisations;
    }

    @GetMapping("/organisations/{id}/registers")
    Mono<String> registers(@PathVariable String id, @RequestParam(defaultValue = "false") boolean saved, Model model) {
        return organisation(id).map(organisation -> {
            model.addAttribute("saved", saved);
            return show(organisation, RegisterNumbers.values(null, organisation.identifiers()), model);
        });
    }

    @PostMapping("/organisations/{id}/registers")
    Mono<String> change(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap((MultiValueMap<String, String> form) -> {
            String version = FormProblems.text(form, "version");
            return api
                .send(HttpMethod.PUT, uri -> uri.path("/api/v1/organisations/{id}/identifiers").build(id),
                        version == null ? null : "\"" + version + "\"", RegisterNumbers.body(form), Map.class)
                .thenReturn("redirect:/organisations/" + id + "/registers?saved=true")
                // what was typed stays; the version sent next is the current one, so
                // saving again applies it
                .onErrorResume(e -> FormProblems.refused(e, model, FIELDS, () -> organisation(id)
                    .map(current -> show(current, RegisterNumbers.values(form, null), model))));
        });
    }

    /**
     * The organisation, for its members and admins only: anyone else is told there is no
     * such page.
     */
    private Mono<Organisation> organisation(String id) {
        return Mono.zip(organisations.read(id), account.me()).map(found -> {
            if (!found.getT2().isMemberOf(id) && !found.getT2().roles().contains("admin")) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            return found.getT1();
        });
    }

    private static String show(Organisation organisation, Map<String, String> values, Model model) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("values", values);
        model.addAttribute("registerFields", RegisterNumbers.shown(organisation.type(), values));
        return "organisation/registers";
    }

}
