package io.launchpad.api.opendata;

import io.launchpad.api.organisation.Organisation;
import io.launchpad.api.organisation.Organisations;
import io.launchpad.api.pilot.Pilot;
import io.launchpad.api.pilot.Pilots;
import io.launchpad.api.web.Cursor;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Open data (issue 14, item 1): published challenges, awards and pilots as OCDS releases
 * and records, and the same as CSV. Public by nature, so nothing here asks who is
 * calling; what is not public (drafts, hidden challenges, losing bids, active pilots'
 * working) never reaches the queries' results.
 */
@Service
@EnableConfigurationProperties(OpenDataProperties.class)
class OpenData {

    /** How many challenges are read at once when a whole file is built. */
    private static final int BATCH = 200;

    private final OpenDataRepository repository;

    private final Organisations organisations;

    private final Pilots pilots;

    private final OcdsReleases ocds;

    OpenData(OpenDataRepository repository, Organisations organisations, Pilots pilots, OpenDataProperties properties,
            @Value("${launchpad.api-base-url:http://127.0.0.1:8080}") String apiBaseUrl) {
        this.repository = repository;
        this.organisations = organisations;
        this.pilots = pilots;
        this.ocds = new OcdsReleases(properties.ocidPrefix(), apiBaseUrl);
    }

    record ReleasePage(List<Map<String, Object>> releases, @Nullable String nextCursor) {
    }

    OcdsReleases ocds() {
        return ocds;
    }

    /** Releases dated in [from, to), oldest first, a page at a time. */
    Mono<ReleasePage> releases(Instant from, Instant to, @Nullable Cursor after, int limit) {
        return repository.releases(from, to, after, limit + 1).collectList().flatMap(keys -> {
            List<OpenDataRepository.ReleaseKey> page = keys.size() > limit ? keys.subList(0, limit) : keys;
            String next = keys.size() > limit ? page.getLast().cursor().encode() : null;
            return releasesFor(page).map(releases -> new ReleasePage(releases, next));
        });
    }

    /** Every release dated before {@code to}: the daily bulk file. */
    Mono<List<Map<String, Object>>> releasesBefore(Instant to) {
        return repository.releases(Instant.EPOCH, to, null, Integer.MAX_VALUE)
            .buffer(BATCH)
            .concatMap(this::releasesFor)
            .collectList()
            .map(batches -> batches.stream().flatMap(List::stream).toList());
    }

    /**
     * The releases of one process, oldest first; empty when the ocid is not a public
     * challenge of ours.
     */
    Mono<List<Map<String, Object>>> releasesOf(String ocid) {
        UUID challengeId = ocds.challengeId(ocid);
        if (challengeId == null) {
            return Mono.just(List.of());
        }
        return repository.releasesOf(challengeId).collectList().flatMap(this::releasesFor);
    }

    /** Every public process published before {@code to}, oldest first (the CSV files). */
    Flux<ContractingProcess> processesBefore(Instant to) {
        return repository.publishedBefore(to)
            .buffer(BATCH)
            .concatMap(ids -> processes(ids)
                .flatMapIterable(found -> ids.stream().map(found::get).filter(Objects::nonNull).toList()));
    }

    private Mono<List<Map<String, Object>>> releasesFor(List<OpenDataRepository.ReleaseKey> keys) {
        Set<UUID> ids = new HashSet<>();
        keys.forEach(key -> ids.add(key.challengeId()));
        return processes(ids).map(found -> {
            List<Map<String, Object>> releases = new ArrayList<>();
            for (OpenDataRepository.ReleaseKey key : keys) {
                ContractingProcess process = found.get(key.challengeId());
                if (process != null) {
                    releases.add(ocds.release(process, key.stage(), key.date()));
                }
            }
            return releases;
        });
    }

    private Mono<Map<UUID, ContractingProcess>> processes(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return Mono
            .zip(repository.challenges(ids).collectList(),
                    repository.responses(ids).collectMap(OpenDataRepository.Responses::challengeId),
                    pilots.publicByChallenge(ids))
            .flatMap(all -> {
                Set<UUID> organisationIds = new HashSet<>();
                all.getT1().forEach(c -> organisationIds.add(c.organisationId()));
                all.getT2().values().forEach(r -> {
                    if (r.awardedSupplierId() != null) {
                        organisationIds.add(r.awardedSupplierId());
                    }
                });
                return organisations.findAll(organisationIds).map(orgs -> {
                    Map<UUID, ContractingProcess> processes = new LinkedHashMap<>();
                    for (ContractingProcess.Challenge challenge : all.getT1()) {
                        Organisation buyer = orgs.get(challenge.organisationId());
                        if (buyer == null) {
                            continue;
                        }
                        OpenDataRepository.Responses responses = all.getT2().get(challenge.id());
                        ContractingProcess.Award award = null;
                        if (responses != null && responses.awardedResponseId() != null
                                && orgs.containsKey(responses.awardedSupplierId())) {
                            award = new ContractingProcess.Award(responses.awardedResponseId(),
                                    orgs.get(responses.awardedSupplierId()), responses.awardedPricePounds(),
                                    Objects.requireNonNull(challenge.decidedAt(), "an awarded challenge was decided"));
                        }
                        Pilot pilot = all.getT3().get(challenge.id());
                        processes.put(challenge.id(), new ContractingProcess(challenge, buyer,
                                responses == null ? 0 : responses.tenderers(), award, pilot));
                    }
                    return processes;
                });
            });
    }

}
