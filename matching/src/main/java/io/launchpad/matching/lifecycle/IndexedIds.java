package io.launchpad.matching.lifecycle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The id and version of every document behind an alias (or in one physical index), read
 * in pages with {@code search_after} on the id keyword (no scroll context to clean up);
 * only ids and versions travel, so 100k documents are a few MB.
 */
final class IndexedIds {

    private static final int PAGE = 5_000;

    private final ElasticsearchConnection elasticsearch;

    IndexedIds(ElasticsearchConnection elasticsearch) {
        this.elasticsearch = elasticsearch;
    }

    /** id → version, plus the physical index names the documents came from. */
    record Indexed(Map<String, Long> versions, List<String> physical) {
    }

    Mono<Indexed> read(String target, String idField) {
        Indexed indexed = new Indexed(new HashMap<>(), new ArrayList<>());
        // searches see refreshed documents only: refresh first, or a write of the last
        // second goes unseen
        return elasticsearch
            .call("refresh " + target, client -> client.indices().refresh(refresh -> refresh.index(target)))
            .then(page(target, idField, null)
                .expand(response -> response.hits().hits().size() < PAGE ? Mono.empty()
                        : page(target, idField, response.hits().hits().getLast().sort()))
                .doOnNext(response -> response.hits().hits().forEach(hit -> {
                    indexed.versions().put(hit.id(), hit.version());
                    if (!indexed.physical().contains(hit.index())) {
                        indexed.physical().add(hit.index());
                    }
                }))
                .then(Mono.just(indexed)));
    }

    private Mono<SearchResponse<Void>> page(String target, String idField, @Nullable List<FieldValue> after) {
        SearchRequest request = SearchRequest.of(search -> {
            search.index(target)
                .size(PAGE)
                .version(true)
                .source(s -> s.fetch(false))
                .trackTotalHits(track -> track.enabled(false))
                .sort(sort -> sort.field(field -> field.field(idField).order(SortOrder.Asc)));
            return after == null ? search : search.searchAfter(after);
        });
        return elasticsearch.call("read ids from " + target, client -> client.search(request, Void.class));
    }

}
