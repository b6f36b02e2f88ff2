package io.launchpad.api.opendata;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.web.Cursor;
import io.launchpad.api.web.Limits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.LinkedHashMap;

/**
 * Open data endpoints: public, rate-limited like every read, and cacheable (a strong ETag
 * of the body, so a client polling for changes gets 304 until there are some).
 */
@RestController
@Tag(name = "Open data")
class OpenDataController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final OpenData openData;

    private final JsonMapper json;

    private final Clock clock;

    OpenDataController(OpenData openData, JsonMapper json, Clock clock) {
        this.openData = openData;
        this.json = json;
        this.clock = clock;
    }

    @Operation(summary = "OCDS 1.1 release package of published challenges, awards and pilots, oldest first "
            + "(cursor-paginated; since/until are dates or date-times, until exclusive)")
    @GetMapping(value = "/api/v1/open-data/ocds/releases", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> releases(@RequestParam(required = false) @Nullable String since,
            @RequestParam(required = false) @Nullable String until,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit, ServerWebExchange exchange) {
        Instant from = since == null ? Instant.EPOCH : instant("since", since);
        Instant to = until == null ? Instant.now(clock).plusSeconds(1) : instant("until", until);
        if (!to.isAfter(from)) {
            throw ApiProblem.field(ProblemType.INVALID_PARAMETER, "until", "after-since", "must be later than since");
        }
        Cursor after = Cursor.decode(cursor);
        int size = Limits.pageSize(limit);
        String self = exchange.getRequest().getURI().toString();
        return openData.releases(from, to, after, size).flatMap(page -> {
            Map<String, Object> body = openData.ocds().releasePackage(self, Instant.now(clock), page.releases());
            String next = page.nextCursor() == null ? null
                    : UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
                        .replaceQueryParam("cursor", page.nextCursor())
                        .build()
                        .toUriString();
            if (next != null) {
                body.put("links", Map.of("next", next));
            }
            return cacheable(exchange, body, Duration.ofMinutes(5), next);
        });
    }

    @Operation(summary = "OCDS 1.1 record package of one challenge: its releases and the compiled release")
    @GetMapping(value = "/api/v1/open-data/ocds/records/{ocid}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> record(@PathVariable String ocid, ServerWebExchange exchange) {
        return openData.releasesOf(ocid).flatMap(releases -> {
            if (releases.isEmpty()) {
                return Mono.error(ApiProblem.notFound("Contracting process " + ocid));
            }
            Map<String, Object> body = openData.ocds()
                .recordPackage(exchange.getRequest().getURI().toString(), Instant.now(clock), ocid, releases);
            return cacheable(exchange, body, Duration.ofMinutes(5), null);
        });
    }

    @Operation(summary = "The daily bulk file: every release dated up to the end of the day (UTC), "
            + "one OCDS release package; a past day's file no longer changes")
    @GetMapping(value = "/api/v1/open-data/ocds/bulk/{day}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> bulk(@PathVariable String day, ServerWebExchange exchange) {
        LocalDate date = day("day", day);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (date.isAfter(today)) {
            throw ApiProblem.field(ProblemType.INVALID_PARAMETER, "day", "not-future",
                    "must be today or earlier, as yyyy-mm-dd");
        }
        Instant end = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return openData.releasesBefore(end)
            .flatMap(releases -> cacheable(exchange,
                    openData.ocds()
                        .releasePackage(exchange.getRequest().getURI().toString(),
                                end.isAfter(Instant.now(clock)) ? Instant.now(clock) : end, releases),
                    date.isBefore(today) ? Duration.ofDays(1) : Duration.ofMinutes(15), null));
    }

    @Operation(summary = "Redirects to today's bulk file")
    @ApiResponse(responseCode = "302", description = "Today's bulk file, in Location")
    @GetMapping("/api/v1/open-data/ocds/bulk")
    ResponseEntity<Void> latestBulk() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return ResponseEntity.status(HttpStatus.FOUND)
            .location(URI.create("/api/v1/open-data/ocds/bulk/" + today))
            .build();
    }

    @Operation(summary = "Published challenges as CSV, one row each, with their award and pilot")
    @GetMapping(value = "/api/v1/open-data/challenges.csv", produces = "text/csv")
    Mono<ResponseEntity<String>> challengesCsv(ServerWebExchange exchange) {
        OpenDataCsv csv = new OpenDataCsv(openData.ocds());
        return openData.processesBefore(Instant.now(clock).plusSeconds(1))
            .map(csv::challengeRow)
            .collectList()
            .flatMap(rows -> csv(exchange, OpenDataCsv.CHALLENGES_HEADER, rows, "launchpad-challenges.csv"));
    }

    @Operation(summary = "Outcome measures of completed pilots as CSV: baseline, target, actual")
    @GetMapping(value = "/api/v1/open-data/pilot-outcomes.csv", produces = "text/csv")
    Mono<ResponseEntity<String>> outcomesCsv(ServerWebExchange exchange) {
        OpenDataCsv csv = new OpenDataCsv(openData.ocds());
        return openData.processesBefore(Instant.now(clock).plusSeconds(1))
            .flatMapIterable(csv::outcomeRows)
            .collectList()
            .flatMap(rows -> csv(exchange, OpenDataCsv.OUTCOMES_HEADER, rows, "launchpad-pilot-outcomes.csv"));
    }

    private Mono<ResponseEntity<String>> csv(ServerWebExchange exchange, String header, List<String> rows,
            String filename) {
        String body = header + "\r\n" + String.join("", rows);
        String etag = etag(body.getBytes(StandardCharsets.UTF_8));
        if (exchange.checkNotModified(etag)) {
            return Mono.empty();
        }
        return Mono.just(ResponseEntity.ok()
            .eTag(etag)
            .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
            .contentType(CSV)
            .body(body));
    }

    private Mono<ResponseEntity<Map<String, Object>>> cacheable(ServerWebExchange exchange, Map<String, Object> body,
            Duration maxAge, @Nullable String next) {
        // the package's own publishedDate changes on every request: the ETag is of what
        // it publishes
        Map<String, Object> content = new LinkedHashMap<>(body);
        content.remove("publishedDate");
        String etag = etag(json.writeValueAsBytes(content));
        if (exchange.checkNotModified(etag)) {
            return Mono.empty();
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
            .eTag(etag)
            .cacheControl(CacheControl.maxAge(maxAge).cachePublic());
        if (next != null) {
            ok.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return Mono.just(ok.body(body));
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(String field, String value) {
        try {
            Instant instant = value.length() <= 10 ? day(field, value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
            if (instant.isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant())
                    || instant.isAfter(LocalDate.of(2100, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
                throw new DateTimeParseException("out of range", value, 0);
            }
            return instant;
        }
        catch (DateTimeParseException e) {
            throw ApiProblem.field(ProblemType.INVALID_PARAMETER, field, "iso-date",
                    "must be a date (2026-12-01) or a date-time (2026-12-01T09:00:00Z) between 2000 and 2100");
        }
    }

    private static LocalDate day(String field, String value) {
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.isBefore(EARLIEST) || date.getYear() > 2100) {
                throw new DateTimeParseException("out of range", value, 0);
            }
            return date;
        }
        catch (DateTimeParseException e) {
            throw ApiProblem.field(ProblemType.INVALID_PARAMETER, field, "iso-date",
                    "must be a date such as 2026-12-01, between 2000 and 2100");
        }
    }

}
