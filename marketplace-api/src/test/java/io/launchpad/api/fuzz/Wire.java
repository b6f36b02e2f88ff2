package io.launchpad.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One request as it goes on the wire; a mutation edits a copy of the base request's. */
final class Wire {

    final String method;

    final String pathTemplate;

    final Map<String, String> pathValues;

    /** Query parameters, already percent-encoded. */
    final Map<String, String> query;

    /** Headers other than Authorization; a null value means "leave the header out". */
    final Map<String, String> headers;

    /** Who sends it; null for an anonymous request. */
    FuzzWorld.Person caller;

    /** The JSON body as maps and lists, or null when there is none. */
    Object body;

    boolean hasBody;

    /** Bytes sent instead of {@link #body}, for bodies that are not JSON at all. */
    byte[] rawBody;

    Wire(String method, String pathTemplate, Map<String, String> pathValues, Map<String, String> query,
            Map<String, String> headers, FuzzWorld.Person caller, Object body, boolean hasBody) {
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.pathValues = new LinkedHashMap<>(pathValues);
        this.query = new LinkedHashMap<>(query);
        this.headers = new LinkedHashMap<>(headers);
        this.caller = caller;
        this.body = JsonText.copy(body);
        this.hasBody = hasBody;
    }

    Wire copy() {
        Wire copy = new Wire(method, pathTemplate, pathValues, query, headers, caller, body, hasBody);
        copy.rawBody = rawBody;
        return copy;
    }

    byte[] bodyBytes() {
        if (rawBody != null) {
            return rawBody;
        }
        return hasBody ? JsonText.bytes(body) : null;
    }

    String uri() {
        String path = pathTemplate;
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        StringBuilder uri = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            if (parameter.getValue() != null) {
                uri.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
                separator = '&';
            }
        }
        return uri.toString();
    }

    @Override
    public String toString() {
        byte[] bytes = bodyBytes();
        return method + " " + uri()
                + (bytes == null ? "" : " " + abbreviate(new String(bytes, StandardCharsets.UTF_8)));
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

}
