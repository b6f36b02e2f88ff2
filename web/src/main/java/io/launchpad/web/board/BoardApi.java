package io.launchpad.web.board;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import io.launchpad.web.api.LaunchpadApi;

import reactor.core.publisher.Mono;

/**
 * The API calls behind the Digital on Board pages (board roles, candidates, applications,
 * data rights), as the signed-in person. JSON arrives as maps, except where a page must
 * not be able to show more than it should (blind reviews and matches: typed records
 * without identifying fields).
 */
@Component
public class BoardApi {

    @SuppressWarnings("rawtypes")
    private static final Class<Map> JSON = Map.class;

    private final LaunchpadApi api;

    /** The framework changes with a deployment of the API, not per request. */
    private final Mono<SkillsFramework> framework;

    BoardApi(LaunchpadApi api) {
        this.api = api;
        this.framework = api.get(uri -> uri.path("/api/v1/skills-framework").build(), SkillsFramework.class)
            .cache(found -> Duration.ofMinutes(10), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    public Mono<SkillsFramework> framework() {
        return framework;
    }

    public Mono<Map<String, Object>> get(String path, @Nullable Object... variables) {
        return api.get(uri -> uri.path(path).build(variables), JSON).map(BoardApi::cast);
    }

    /** A list narrowed by one query parameter, such as {@code ?organisationId=}. */
    public Mono<Map<String, Object>> list(String path, String parameter, Object value) {
        return api.get(uri -> uri.path(path).queryParam(parameter, value).build(), JSON).map(BoardApi::cast);
    }

    public <T> Mono<T> get(Class<T> type, String path, @Nullable Object... variables) {
        return api.get(uri -> uri.path(path).build(variables), type);
    }

    /** The raw body, for documents passed on as they are (the data export). */
    public Mono<byte[]> bytes(String path) {
        return api.get(uri -> uri.path(path).build(), byte[].class);
    }

    public Mono<Map<String, Object>> post(@Nullable Object body, String path, @Nullable Object... variables) {
        return api.send(HttpMethod.POST, uri -> uri.path(path).build(variables), body, JSON)
            .map(BoardApi::cast)
            .defaultIfEmpty(Map.of());
    }

    /**
     * A PUT naming the version the form was filled from (the resource's {@code version})
     * in {@code If-Match}.
     */
    public Mono<Map<String, Object>> put(Object body, @Nullable String version, String path,
            @Nullable Object... variables) {
        String ifMatch = version == null ? null : "\"" + version + "\"";
        return api.send(HttpMethod.PUT, uri -> uri.path(path).build(variables), ifMatch, body, JSON)
            .map(BoardApi::cast)
            .defaultIfEmpty(Map.of());
    }

    public Mono<Map<String, Object>> delete(String path) {
        return api.send(HttpMethod.DELETE, uri -> uri.path(path).build(), null, JSON)
            .map(BoardApi::cast)
            .defaultIfEmpty(Map.of());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> items(Map<String, Object> page) {
        Object items = page.get("items");
        return items == null ? List.of() : (List<Map<String, Object>>) items;
    }

}
