package io.launchpad.api.privacy;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Size;

/**
 * {@code /me/export}, {@code DELETE /me} and {@code /me/consents}: a person's rights over
 * their data.
 */
@RestController
@RequestMapping("/api/v1/me")
class PrivacyController {

    record ConsentRequest(@NotBlank @Size(max = 60) String purpose, @NotNull Boolean granted) {
    }

    private final DataRights rights;

    private final Consents consents;

    PrivacyController(DataRights rights, Consents consents) {
        this.rights = rights;
        this.consents = consents;
    }

    @GetMapping("/export")
    Mono<ResponseEntity<Map<String, Object>>> export() {
        return Caller.current()
            .flatMap(rights::export)
            .map(document -> ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"launchpad-export.json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(document));
    }

    @DeleteMapping
    Mono<DataRights.ErasureReport> erase() {
        return Caller.current().flatMap(rights::erase);
    }

    @GetMapping("/consents")
    Mono<Map<String, Object>> consents() {
        return Caller.current()
            .flatMap(caller -> consents.history(DataRights.requirePerson(caller))
                .collectList()
                .map(history -> Map.of("purposes", Consents.catalogue(), "history", history)));
    }

    @ApiResponse(responseCode = "201", description = "Created; the consent as recorded, with its time",
            useReturnTypeSchema = true)
    @PostMapping("/consents")
    Mono<ResponseEntity<Consents.Consent>> record(@Valid @RequestBody ConsentRequest request) {
        ConsentPurpose purpose = ConsentPurpose.fromCode(request.purpose());
        if (purpose == null) {
            throw ApiProblem.invalid("purpose", "known-code", "must be one of " + Consents.catalogue().keySet());
        }
        return Caller.current()
            .flatMap(caller -> consents.record(DataRights.requirePerson(caller), purpose, request.granted()))
            .map(consent -> ResponseEntity.status(201).body(consent));
    }

}
