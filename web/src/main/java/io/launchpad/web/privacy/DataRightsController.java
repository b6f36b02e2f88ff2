package io.launchpad.web.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import org.springframework.web.util.UriComponentsBuilder;

import io.launchpad.web.board.BoardApi;
import io.launchpad.web.forms.FormProblems;

import reactor.core.publisher.Mono;

/**
 * A person's rights over their data: download everything the platform holds about them,
 * give or withdraw consent per purpose, erase their account (after a confirmation step),
 * and read the audit log of who viewed or changed their candidate data.
 */
@Controller
class DataRightsController {

    /**
     * One purpose with the person's current answer (the latest in the history; none means
     * not given).
     */
    public record Purpose(String code, String wording, boolean granted) {
    }

    private final BoardApi api;

    private final ObjectProvider<ServerOAuth2AuthorizedClientRepository> authorizedClients;

    DataRightsController(BoardApi api, ObjectProvider<ServerOAuth2AuthorizedClientRepository> authorizedClients) {
        this.api = api;
        this.authorizedClients = authorizedClients;
    }

    /**
     * Changing a password happens on Keycloak's own page in the site's theme (an
     * application-initiated action), which asks for the current sign-in again when it is
     * old, and comes back here signed in.
     */
    @GetMapping("/account/password")
    String changePassword() {
        return "redirect:/oauth2/authorization/keycloak?kc_action=UPDATE_PASSWORD";
    }

    @GetMapping("/account/data")
    Mono<String> data(Model model) {
        return api.get("/api/v1/me/consents").map(consents -> {
            List<Map<String, Object>> history = list(consents.get("history"));
            Map<String, Boolean> latest = new LinkedHashMap<>();
            history.forEach(entry -> latest.put(String.valueOf(entry.get("purpose")),
                    Boolean.TRUE.equals(entry.get("granted"))));
            List<Purpose> purposes = new ArrayList<>();
            if (consents.get("purposes") instanceof Map<?, ?> catalogue) {
                catalogue.forEach((code, wording) -> purposes.add(new Purpose(String.valueOf(code),
                        String.valueOf(wording), latest.getOrDefault(String.valueOf(code), false))));
            }
            model.addAttribute("purposes", purposes);
            model.addAttribute("history", history.reversed());
            return "account/data";
        });
    }

    /** The API's export passed on as a file to keep: JSON, never cached on the way. */
    @GetMapping("/account/data/export")
    Mono<ResponseEntity<byte[]>> export() {
        return api.bytes("/api/v1/me/export")
            .map(document -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("launchpad-export.json").build().toString())
                .cacheControl(CacheControl.noStore())
                .body(document));
    }

    @PostMapping("/account/data/consents")
    Mono<String> consent(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("purpose", FormProblems.text(form, "purpose"));
            body.put("granted", "true".equals(FormProblems.text(form, "granted")));
            return api.post(body, "/api/v1/me/consents")
                .thenReturn("redirect:/account/data")
                .onErrorResume(e -> FormProblems.refused(e, model, () -> data(model)));
        });
    }

    @GetMapping("/account/erase")
    String confirmErasure() {
        return "account/erase";
    }

    /**
     * Erasure cannot be undone, so it needs the box ticked as well as the button. Once
     * the API has erased everything (and deleted the Keycloak account, or recorded that
     * it must), the person is signed out of the web: the session goes, and with it the
     * tokens it held.
     */
    @PostMapping("/account/erase")
    Mono<String> erase(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            if (!FormProblems.ticked(form, "confirm")) {
                FormProblems.show(model, List.of(new FormProblems.Problem("confirm", "confirm",
                        "Tick the box to confirm that you want everything erased")));
                return Mono.just("account/erase");
            }
            return api.delete("/api/v1/me")
                .flatMap(report -> signOut(exchange).thenReturn(erasedPage(report)))
                .onErrorResume(e -> FormProblems.refused(e, model, () -> Mono.just("account/erase")));
        });
    }

    /**
     * Where a person lands after erasure, signed out: what went, and whether the sign-in
     * account went too.
     */
    @GetMapping("/account/erased")
    String erased(@RequestParam(required = false) @Nullable String signInAccount,
            @RequestParam(required = false) @Nullable String reference,
            @RequestParam(required = false) @Nullable Long removed, Model model) {
        model.addAttribute("signInAccount", "deleted".equals(signInAccount) ? "deleted"
                : "deletion-pending".equals(signInAccount) ? "deletion-pending" : "kept");
        model.addAttribute("reference", reference != null && reference.matches("[0-9a-fA-F-]{36}") ? reference : null);
        model.addAttribute("removed", removed);
        return "account/erased";
    }

    private static String erasedPage(Map<String, Object> report) {
        return UriComponentsBuilder.fromPath("redirect:/account/erased")
            .queryParam("signInAccount", String.valueOf(report.getOrDefault("signInAccount", "kept")))
            .queryParam("reference", String.valueOf(report.get("erasureId")))
            .queryParam("removed", String.valueOf(report.getOrDefault("rowsRemoved", 0)))
            .build()
            .toUriString();
    }

    /**
     * Ends the web session (security context and tokens) and forgets the person's
     * authorised client.
     */
    private Mono<Void> signOut(ServerWebExchange exchange) {
        Mono<Void> forgetClient = exchange.getPrincipal()
            .filter(principal -> principal instanceof OAuth2AuthenticationToken)
            .cast(OAuth2AuthenticationToken.class)
            .flatMap(token -> authorizedClients.getIfAvailable() == null ? Mono.<Void>empty()
                    : authorizedClients.getObject()
                        .removeAuthorizedClient(token.getAuthorizedClientRegistrationId(), token, exchange));
        return forgetClient.then(exchange.getSession().flatMap(WebSession::invalidate));
    }

    @GetMapping("/account/audit")
    Mono<String> audit(Model model) {
        return api.get("/api/v1/me/audit").map(page -> {
            model.addAttribute("entries", BoardApi.items(page));
            return "account/audit";
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(@Nullable Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

}
