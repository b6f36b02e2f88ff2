package io.launchpad.api.candidate;

import io.launchpad.api.security.Caller;
import io.launchpad.api.web.ETags;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.UUID;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Candidate profiles and the capability framework they are written in. */
@RestController
class CandidateController {

    private final CandidateProfiles profiles;

    CandidateController(CandidateProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/v1/skills-framework")
    SkillsFramework.Framework framework() {
        return profiles.framework().framework();
    }

    @ApiResponse(responseCode = "201", description = "Created; Location names the new candidate profile",
            useReturnTypeSchema = true)
    @PostMapping("/api/v1/candidates")
    Mono<ResponseEntity<CandidateView>> create(@Valid @RequestBody CandidateFields fields) {
        return Caller.current()
            .flatMap(caller -> profiles.create(caller, fields))
            .map(profile -> ResponseEntity.created(URI.create("/api/v1/candidates/" + profile.id()))
                .eTag(ETags.of(profile.version()))
                .body(CandidateView.of(profile)));
    }

    @GetMapping("/api/v1/candidates/me")
    Mono<ResponseEntity<CandidateView>> mine() {
        return Caller.current()
            .flatMap(profiles::mine)
            .map(profile -> ResponseEntity.ok().eTag(ETags.of(profile.version())).body(CandidateView.of(profile)));
    }

    /**
     * The full profile for its owner and admins; the anonymised document for anyone else,
     * if public.
     */
    @GetMapping("/api/v1/candidates/{id}")
    Mono<ResponseEntity<Object>> read(@PathVariable UUID id) {
        return Caller.current()
            .flatMap(caller -> profiles.read(caller, id))
            .map(seen -> ResponseEntity.ok()
                .eTag(ETags.of(seen.profile().version()))
                .body(seen.full() ? CandidateView.of(seen.profile()) : seen.profile().toDocument()));
    }

    @PutMapping("/api/v1/candidates/{id}")
    Mono<ResponseEntity<CandidateView>> update(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @Valid @RequestBody CandidateFields fields) {
        long version = ETags.requiredVersion(ifMatch);
        return Caller.current()
            .flatMap(caller -> profiles.update(caller, id, version, fields))
            .map(profile -> ResponseEntity.ok().eTag(ETags.of(profile.version())).body(CandidateView.of(profile)));
    }

}
