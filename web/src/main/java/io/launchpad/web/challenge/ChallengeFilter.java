package io.launchpad.web.challenge;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriBuilder;

/**
 * What the visitor asked for on the home page: keywords ({@code q}), filters, plus where
 * in the list they are. With keywords the list comes from the API's search (ranked, with
 * facet counts and the passages that use the words); without, it is the published list,
 * newest first.
 */
record ChallengeFilter(@Nullable String q, @Nullable String category, @Nullable String region,
        @Nullable String cursor) {

    static final int PAGE_SIZE = 20;

    /**
     * The API takes up to 200 characters of keywords; more is cut rather than refused.
     */
    static final int MAX_KEYWORDS = 200;

    ChallengeFilter {
        q = blankToNull(q);
        q = q != null && q.length() > MAX_KEYWORDS ? q.substring(0, MAX_KEYWORDS).strip() : q;
        category = blankToNull(category);
        region = blankToNull(region);
        cursor = blankToNull(cursor);
    }

    public boolean isSearch() {
        return q != null;
    }

    /**
     * The API query. Values go in as URI variables so they are encoded strictly (a cursor
     * may hold '+' or '&').
     */
    URI toApiUri(UriBuilder uri) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (isSearch()) {
            uri.path("/api/v1/search/challenges").queryParam("limit", PAGE_SIZE);
            addVariable(uri, values, "q", q);
        }
        else {
            uri.path("/api/v1/challenges").queryParam("status", "published").queryParam("limit", PAGE_SIZE);
        }
        addVariable(uri, values, "category", category);
        addVariable(uri, values, "region", region);
        addVariable(uri, values, "cursor", cursor);
        return uri.build(values);
    }

    /** Link to the page that starts at {@code nextCursor}, keeping the filters. */
    String linkTo(@Nullable String nextCursor) {
        StringJoiner query = new StringJoiner("&", "/challenges?", "").setEmptyValue("/challenges");
        addParameter(query, "q", q);
        addParameter(query, "category", category);
        addParameter(query, "region", region);
        addParameter(query, "cursor", nextCursor);
        return query.toString();
    }

    boolean isFirstPage() {
        return cursor == null;
    }

    private static void addVariable(UriBuilder uri, Map<String, Object> values, String name, @Nullable String value) {
        if (value != null) {
            uri.queryParam(name, "{" + name + "}");
            values.put(name, value);
        }
    }

    private static void addParameter(StringJoiner query, String name, @Nullable String value) {
        if (value != null) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
