package io.launchpad.web.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import io.launchpad.web.board.BoardApi;
import io.launchpad.web.forms.FormProblems;

import reactor.core.publisher.Mono;

/**
 * A person's rights over their data: download everything the platform holds about them, give or
 * withdraw consent per purpose, erase their account (after a confirmation step), and read the
 * audit log of who viewed or changed their candidate data.
 */
@Controller
class DataRightsController {

    /** One purpose with the person's current answer (the latest in the history; none means not given). */
    public record Purpose(String code, String wording, boolean granted) {
    }

    private final BoardApi api;

    DataRightsController(BoardApi api) {
        this.api = api;
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
        return api.bytes("/api/v1/me/export").map(document -> ResponseEntity.ok()
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
            return api.post(body, "/api/v1/me/consents").thenReturn("redirect:/account/data")
                .onErrorResume(e -> FormProblems.refused(e, model, () -> data(model)));
        });
    }

    @GetMapping("/account/erase")
    String confirmErasure() {
        return "account/erase";
    }

    /** Erasure cannot be undone, so it needs the box ticked as well as the button. */
    @PostMapping("/account/erase")
    Mono<String> erase(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            if (!FormProblems.ticked(form, "confirm")) {
                model.addAttribute("formError", "Tick the box to confirm that you want everything erased.");
                model.addAttribute("fieldErrors", Map.of("confirm", "Tick the box to confirm"));
                return Mono.just("account/erase");
            }
            return api.delete("/api/v1/me").map(report -> {
                model.addAttribute("report", report);
                return "account/erased";
            }).onErrorResume(e -> FormProblems.refused(e, model, () -> Mono.just("account/erase")));
        });
    }

    @GetMapping("/account/audit")
    Mono<String> audit(Model model) {
        return api.get("/api/v1/me/audit").map(page -> {
            model.addAttribute("entries", BoardApi.items(page));
            return "account/audit";
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
