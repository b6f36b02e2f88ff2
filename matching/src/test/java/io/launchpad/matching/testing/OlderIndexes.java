package io.launchpad.matching.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An index built from an older template, put behind a live alias as an installation
 * upgraded from that template has it: what a newer release must keep serving until
 * someone reindexes.
 */
public final class OlderIndexes {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private OlderIndexes() {
    }

    /**
     * Creates {@code older} with {@code mapping} (the templates fill in what it leaves
     * out) and moves {@code alias}, once it exists, from its current index to it.
     */
    public static void serveBehind(String alias, String older, String mapping) throws Exception {
        await().atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .until(() -> send("GET", "/_alias/" + alias, null).statusCode() == 200);
        assertThat(send("PUT", "/" + older, mapping).statusCode()).isEqualTo(200);
        String current = send("GET", "/_alias/" + alias, null).body().replaceAll("^\\{\"([^\"]+)\".*$", "$1");
        assertThat(send("POST", "/_aliases",
                "{\"actions\":[{\"remove\":{\"index\":\"" + current + "\",\"alias\":\"" + alias
                        + "\"}},{\"add\":{\"index\":\"" + older + "\",\"alias\":\"" + alias
                        + "\",\"is_write_index\":true}}]}")
            .statusCode()).isEqualTo(200);
    }

    /** One request to the test node's REST API. */
    public static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RealComponents.elasticsearchUrl() + path))
            .header("Content-Type", "application/json")
            .method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

}
