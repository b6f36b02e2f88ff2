package io.launchpad.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real node for the whole class: proves the analysis an index template relies on
 * (Launchpad's plugin standing in for analysis-common) and that data survives a restart.
 * Prints start time and memory.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ElasticsearchServerTest {

    private static final String INDEX = "challenges";

    /*
     * Index analyzers stay synonym-free and the search analyzers expand, the way
     * production templates do it. "stemmed_first" puts the stemmer BEFORE the synonyms:
     * the rules only match if they are parsed through that stemmer ("condensation" must
     * become "condens"), which is what chain-aware synonyms do.
     */
    private static final String INDEX_DEFINITION = """
            {
              "settings": {
                "number_of_shards": 1,
                "number_of_replicas": 0,
                "analysis": {
                  "filter": {
                    "housing_synonyms": {
                      "type": "synonym_graph",
                      "synonyms": ["mould, condensation, damp", "iot, sensors, sensor"]
                    },
                    "english_stemmer": { "type": "stemmer", "language": "english" },
                    "english_possessive": { "type": "stemmer", "language": "possessive_english" },
                    "folding": { "type": "asciifolding", "preserve_original": true }
                  },
                  "analyzer": {
                    "housing_index": {
                      "type": "custom", "tokenizer": "standard",
                      "filter": ["lowercase", "folding", "english_possessive", "english_stemmer"]
                    },
                    "housing_search": {
                      "type": "custom", "tokenizer": "standard",
                      "filter": ["lowercase", "folding", "housing_synonyms", "english_possessive", "english_stemmer"]
                    },
                    "stemmed_first_index": {
                      "type": "custom", "tokenizer": "standard",
                      "filter": ["lowercase", "english_stemmer"]
                    },
                    "stemmed_first_search": {
                      "type": "custom", "tokenizer": "standard",
                      "filter": ["lowercase", "english_stemmer", "housing_synonyms"]
                    },
                    "english_keep_organisation": { "type": "english", "stem_exclusion": ["organisation"] }
                  },
                  "normalizer": {
                    "folded": { "type": "custom", "filter": ["lowercase", "asciifolding"] }
                  }
                }
              },
              "mappings": {
                "properties": {
                  "title": { "type": "text", "analyzer": "english" },
                  "body": { "type": "text", "analyzer": "housing_index", "search_analyzer": "housing_search" },
                  "stemmed_first": { "type": "text", "analyzer": "stemmed_first_index", "search_analyzer": "stemmed_first_search" },
                  "region": { "type": "keyword", "normalizer": "folded" }
                }
              }
            }
            """;

    private static final List<String> DOCUMENTS = List.of(
            doc("condensation", "Condensation monitoring", "Condensation monitoring in tower blocks", "Île-de-France"),
            doc("repair", "Tenants report a repair from a phone", "A repair reported with photos", "London"),
            doc("cafe", "Community cafe refurbishment", "Refit the community cafe kitchen", "Yorkshire"),
            doc("sensors", "Wireless sensors in every home", "Wireless sensors measure humidity", "Wales"));

    @TempDir
    static Path home;

    private static ElasticsearchServer server;

    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startNodeAndIndex() throws Exception {
        long started = System.nanoTime();
        server = ElasticsearchServer.start(home, 0);
        double startSeconds = (System.nanoTime() - started) / 1e9;

        assertThat(send("PUT", "/" + INDEX, INDEX_DEFINITION)).contains("\"acknowledged\":true");
        StringBuilder bulk = new StringBuilder();
        DOCUMENTS.forEach(bulk::append);
        assertThat(send("POST", "/" + INDEX + "/_bulk?refresh=true", bulk.toString())).contains("\"errors\":false");

        System.out.printf("Elasticsearch started in %.1f s (pid %d), RSS after indexing %d MB%n", startSeconds,
                server.pid(), residentMegabytes(server.pid()));
    }

    @AfterAll
    static void stopNode() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void answersOnLoopbackWithTheUrlItReports() throws Exception {
        assertThat(server.httpUrl()).isEqualTo("http://127.0.0.1:" + server.httpPort());
        assertThat(send("GET", "/_cluster/health", null)).containsPattern("\"status\":\"(green|yellow)\"");
        assertThat(Files.readString(home.resolve("logs/elasticsearch.log")))
            .contains("loaded module [launchpad-analysis]");
    }

    @Test
    @Order(2)
    void mouldFindsCondensationThroughSynonyms() throws Exception {
        assertThat(search("body", "Black mould in bathrooms")).containsExactly("condensation");
    }

    @Test
    @Order(3)
    void englishAnalyzerStemsPlurals() throws Exception {
        assertThat(search("title", "repairs")).containsExactly("repair");
    }

    @Test
    @Order(4)
    void accentsFold() throws Exception {
        assertThat(search("body", "café")).containsExactly("cafe");
        assertThat(search("region", "ILE-DE-FRANCE")).containsExactly("condensation");
    }

    @Test
    @Order(5)
    void iotFindsSensors() throws Exception {
        assertThat(search("body", "IoT")).containsExactly("sensors");
    }

    @Test
    @Order(6)
    void synonymRulesAreParsedThroughAStemmerBeforeThem() throws Exception {
        assertThat(search("stemmed_first", "damp")).containsExactly("condensation");
        assertThat(search("stemmed_first", "sensors")).containsExactly("sensors");
        // the rule word "condensation" only matches the indexed token once stemmed like
        // it
        assertThat(tokens("stemmed_first_search", "mould")).contains("condens").doesNotContain("condensation");
    }

    @Test
    @Order(7)
    void englishAnalyzerTakesSettings() throws Exception {
        assertThat(tokens("english_keep_organisation", "The organisations and organisation")).containsExactly("organis",
                "organisation");
    }

    @Test
    @Order(8)
    void dataSurvivesARestartOnTheSamePort() throws Exception {
        int port = server.httpPort();
        long oldPid = server.pid();
        long started = System.nanoTime();
        server = server.restart();
        System.out.printf("Elasticsearch restarted in %.1f s (pid %d)%n", (System.nanoTime() - started) / 1e9,
                server.pid());

        assertThat(ProcessHandle.of(oldPid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(server.httpPort()).isEqualTo(port);
        assertThat(server.pid()).isNotEqualTo(oldPid);
        assertThat(send("GET", "/" + INDEX + "/_count", null)).contains("\"count\":" + DOCUMENTS.size());
        assertThat(search("body", "Black mould in bathrooms")).containsExactly("condensation");
    }

    private static String doc(String id, String title, String body, String region) {
        return """
                {"index":{"_index":"%s","_id":"%s"}}
                {"title":"%s","body":"%s","stemmed_first":"%s","region":"%s"}
                """.formatted(INDEX, id, title, body, body, region);
    }

    private static List<String> search(String field, String text) throws IOException, InterruptedException {
        String query = """
                {"query":{"match":{"%s":"%s"}},"_source":false}""".formatted(field, text);
        return matches(send("POST", "/" + INDEX + "/_search", query), "\"_id\":\"([^\"]+)\"");
    }

    private static List<String> tokens(String analyzer, String text) throws IOException, InterruptedException {
        String request = """
                {"analyzer":"%s","text":"%s"}""".formatted(analyzer, text);
        return matches(send("POST", "/" + INDEX + "/_analyze", request), "\"token\":\"([^\"]+)\"");
    }

    private static List<String> matches(String body, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(body);
        return matcher.results().map(result -> result.group(1)).toList();
    }

    private static String send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.httpUrl() + path));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        else {
            request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
        return response.body();
    }

    static long residentMegabytes(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status"))
            .stream()
            .filter(line -> line.startsWith("VmRSS:"))
            .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
            .findFirst()
            .orElseThrow();
    }

}
