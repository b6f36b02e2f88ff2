package io.launchpad.web.organisation;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.launchpad.web.api.ApiProblemException;
import io.launchpad.web.api.LaunchpadApi;

import reactor.core.publisher.Mono;

/**
 * Reads an organisation (public) for pages that show who they are about: its register
 * numbers are a detail of those pages, so a failure to read them leaves them out rather
 * than failing the page.
 */
@Component
public class OrganisationRegisters {

    private static final Logger log = LoggerFactory.getLogger(OrganisationRegisters.class);

    private final LaunchpadApi api;

    OrganisationRegisters(LaunchpadApi api) {
        this.api = api;
    }

    /**
     * The organisation, as the API answers (errors propagate: for pages about the
     * organisation itself).
     */
    public Mono<Organisation> read(String organisationId) {
        return api.get(uri -> uri.path("/api/v1/organisations/{id}").build(organisationId), Organisation.class);
    }

    /**
     * Its numbers on public registers; none when it has none or they cannot be read just
     * now.
     */
    public Mono<List<Register>> of(String organisationId) {
        return read(organisationId).map(Organisation::registers).onErrorResume(ApiProblemException.class, e -> {
            log.debug("Register numbers of {} not shown: {}", organisationId, e.getReason());
            return Mono.just(List.of());
        }).defaultIfEmpty(List.of());
    }

}
