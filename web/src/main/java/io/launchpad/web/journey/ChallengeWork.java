package io.launchpad.web.journey;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import io.launchpad.web.account.Account;
import io.launchpad.web.account.Me;
import io.launchpad.web.api.ApiProblemException;
import io.launchpad.web.api.LaunchpadApi;

import reactor.core.publisher.Mono;

/** The API calls behind the challenge journey pages, as the signed-in person. */
@Component
class ChallengeWork {

    @SuppressWarnings("rawtypes")
    private static final Class<Map> JSON = Map.class;

    private final LaunchpadApi api;

    private final Account account;

    ChallengeWork(LaunchpadApi api, Account account) {
        this.api = api;
        this.account = account;
    }

    /** The signed-in person, or empty for a visitor (or when the API cannot say). */
    Mono<Optional<Me>> me() {
        return account.me()
            .map(Optional::of)
            .onErrorResume(ApiProblemException.class, e -> Mono.just(Optional.empty()))
            .defaultIfEmpty(Optional.empty());
    }

    Mono<Map<String, Object>> get(String path, @Nullable Object... variables) {
        return api.get(uri -> uri.path(path).build(variables), JSON).map(ChallengeWork::cast);
    }

    Mono<Map<String, Object>> post(@Nullable Object body, String path, @Nullable Object... variables) {
        return api.send(HttpMethod.POST, uri -> uri.path(path).build(variables), body, JSON)
            .map(ChallengeWork::cast)
            .defaultIfEmpty(Map.of());
    }

    Mono<Map<String, Object>> put(Object body, String path, @Nullable Object... variables) {
        return api.send(HttpMethod.PUT, uri -> uri.path(path).build(variables), body, JSON)
            .map(ChallengeWork::cast)
            .defaultIfEmpty(Map.of());
    }

    Mono<Map<String, Object>> delete(String path, @Nullable Object... variables) {
        return api.send(HttpMethod.DELETE, uri -> uri.path(path).build(variables), null, JSON)
            .map(ChallengeWork::cast)
            .defaultIfEmpty(Map.of());
    }

    /**
     * A PUT naming the version read (the response's {@code version}) as its strong ETag.
     */
    Mono<Map<String, Object>> putVersion(Object body, @Nullable String version, String path,
            @Nullable Object... variables) {
        String ifMatch = version == null ? null : "\"" + version + "\"";
        return api.send(HttpMethod.PUT, uri -> uri.path(path).build(variables), ifMatch, body, JSON)
            .map(ChallengeWork::cast)
            .defaultIfEmpty(Map.of());
    }

    static boolean isMember(Optional<Me> me, @Nullable Object organisationId) {
        return me.map(m -> m.isMemberOf(String.valueOf(organisationId))).orElse(false);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(@Nullable Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

}
