package io.launchpad.web.challenge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import io.launchpad.web.api.LaunchpadApi;

import reactor.core.publisher.Mono;

/**
 * The taxonomy as the API serves it ({@code GET /api/v1/taxonomy}), held in memory for
 * every page that shows a category, region or accreditation. Nothing is fetched at
 * start-up, so the web starts while the API is down; the first page that needs the
 * taxonomy fetches it.
 * <ul>
 * <li>Requests that arrive while a fetch runs wait for that fetch rather than starting
 * their own.</li>
 * <li>A copy serves for the answer's {@code max-age} (an hour when it names none), then
 * the next request revalidates it with {@code If-None-Match}.</li>
 * <li>When a refresh fails the last good copy goes on serving, and the API is asked again
 * a minute later.</li>
 * <li>With no copy yet, a failure reaches the page as the
 * {@link io.launchpad.web.api.ApiProblemException} every API call fails with (the same
 * error page), and is not kept: the next request asks again.</li>
 * </ul>
 * A page that only prints labels may put {@link #current()} in its model as it is:
 * WebFlux resolves it before rendering.
 */
@Component
public class Taxonomies {

    private static final Logger log = LoggerFactory.getLogger(Taxonomies.class);

    /**
     * The vocabularies of the API's answer that the web shows (matching's
     * {@code Taxonomy.CATEGORY}, ...).
     */
    static final String CATEGORY = "category";
    static final String REGION = "region";
    static final String ACCREDITATION = "accreditation";

    /**
     * How long a copy serves when the answer names no max-age: what the API promises
     * today.
     */
    static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);

    /**
     * After a failed refresh: long enough that pages do not each wait for a down API's
     * timeout first.
     */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);

    private static final Pattern MAX_AGE = Pattern.compile("(?:^|,)\\s*max-age\\s*=\\s*\"?(\\d+)",
            Pattern.CASE_INSENSITIVE);

    private final LaunchpadApi api;

    private final Clock clock;

    /**
     * The last copy the API gave, null until the first: what a failed refresh falls back
     * on, and its ETag.
     */
    private final AtomicReference<@Nullable Copy> lastGood = new AtomicReference<>();

    private final Mono<Copy> copy;

    @Autowired
    Taxonomies(LaunchpadApi api, ObjectProvider<Clock> clock) {
        this(api, clock.getIfAvailable(Clock::systemUTC));
    }

    Taxonomies(LaunchpadApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
        // the operator shares one fetch among the subscribers waiting for it, and keeps
        // no error or empty result
        this.copy = Mono.defer(this::fetch).cacheInvalidateIf(held -> !clock.instant().isBefore(held.freshUntil()));
    }

    public Mono<Taxonomy> current() {
        return copy.map(Copy::taxonomy);
    }

    private Mono<Copy> fetch() {
        Copy previous = lastGood.get();
        return api
            .getPublic(uri -> uri.path("/api/v1/taxonomy").build(), previous == null ? null : previous.etag(),
                    Answer.class)
            .map(response -> received(response, previous))
            .doOnNext(lastGood::set)
            .onErrorResume(e -> previous == null ? Mono.error(e) : servedMeanwhile(previous, e));
    }

    /**
     * A failed refresh leaves the last good copy serving, and asks again a little later.
     */
    private Mono<Copy> servedMeanwhile(Copy previous, Throwable failure) {
        log.atWarn()
            .addKeyValue("error", failure.toString())
            .addKeyValue("servedVersion", previous.version())
            .addKeyValue("retryAfterSeconds", RETRY_AFTER_FAILURE.toSeconds())
            .log("Could not refresh the taxonomy from the API; the last copy serves meanwhile");
        return Mono.just(previous.until(clock.instant().plus(RETRY_AFTER_FAILURE)));
    }

    private Copy received(ResponseEntity<Answer> response, @Nullable Copy previous) {
        Instant freshUntil = clock.instant().plus(maxAge(response.getHeaders()));
        if (response.getStatusCode().isSameCodeAs(HttpStatus.NOT_MODIFIED) && previous != null) {
            return previous.until(freshUntil);
        }
        Answer answer = response.getBody();
        if (answer == null) {
            throw new IllegalStateException(
                    "The API answered " + response.getStatusCode() + " for the taxonomy, with no body");
        }
        return new Copy(answer.taxonomy(), answer.version(), response.getHeaders().getETag(), freshUntil);
    }

    static Duration maxAge(HttpHeaders headers) {
        String cacheControl = headers.getCacheControl();
        Matcher maxAge = cacheControl == null ? null : MAX_AGE.matcher(cacheControl);
        return maxAge != null && maxAge.find() ? Duration.ofSeconds(Long.parseLong(maxAge.group(1))) : DEFAULT_MAX_AGE;
    }

    private record Copy(Taxonomy taxonomy, @Nullable String version, @Nullable String etag, Instant freshUntil) {

        Copy until(Instant instant) {
            return new Copy(taxonomy, version, etag, instant);
        }
    }

    /**
     * {@code GET /api/v1/taxonomy}: the fields the web reads of the API's
     * {@code Taxonomy} schema.
     */
    record Answer(@Nullable String version, @Nullable Map<String, List<Term>> vocabularies) {

        Taxonomy taxonomy() {
            return new Taxonomy(labels(CATEGORY), labels(REGION), labels(ACCREDITATION));
        }

        /**
         * Code → label in the API's order; a vocabulary missing is a broken answer, not
         * an empty list of choices.
         */
        private Map<String, String> labels(String vocabulary) {
            List<Term> terms = vocabularies == null ? null : vocabularies.get(vocabulary);
            if (terms == null) {
                throw new IllegalStateException("The API's taxonomy " + version + " has no vocabulary " + vocabulary);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            terms.forEach(term -> labels.put(term.code(), term.label()));
            return labels;
        }
    }

    record Term(String code, String label) {
    }

}
