package io.launchpad.matching.suppliers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import io.launchpad.matching.ChallengeDocument;
import io.launchpad.matching.Highlight;
import io.launchpad.matching.SupplierMatch;
import io.launchpad.matching.SupplierMatching;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.indexes.IndexSetup;
import io.launchpad.matching.indexes.Tiebreak;
import reactor.core.publisher.Mono;

/**
 * BM25 ranking of published suppliers for a challenge.
 *
 * <p>The challenge text goes into one {@code cross_fields} multi_match over the profile fields: a
 * challenge describes a problem in many words, and a good supplier covers them across its profile
 * (the sensor in its products, the damp in a case study). {@code cross_fields} scores the profile
 * as one document with per-field boosts, so covering more of the challenge's terms anywhere ranks
 * higher; {@code best_fields} would score only the single best field and reward a profile that
 * repeats one term in its capabilities over one that covers the whole problem.
 */
final class SupplierRanker implements SupplierMatching {

    static final int MAX_LIMIT = 100;
    /** Long descriptions add little beyond their first pages and would only slow the query. */
    static final int MAX_QUERY_CHARACTERS = 8_000;

    /** Index field → profile field as callers know it, in the order highlights are shown. */
    private static final Map<String, String> FIELDS = orderedMap(
            "text.capabilities", "capabilities",
            "text.products", "products",
            "text.case_studies", "caseStudies",
            "text.summary", "summary",
            "text.name", "name");
    private static final List<String> BOOSTED_FIELDS = List.of(
            "text.capabilities^3", "text.products^2", "text.case_studies^1.5", "text.summary^2", "text.name^1.5");

    private final ElasticsearchConnection elasticsearch;
    private final IndexSetup indexes;
    private final IndexNames names;

    SupplierRanker(ElasticsearchConnection elasticsearch, IndexSetup indexes, IndexNames names) {
        this.elasticsearch = elasticsearch;
        this.indexes = indexes;
        this.names = names;
    }

    @Override
    public Mono<List<SupplierMatch>> suppliersFor(ChallengeDocument challenge, int limit) {
        Objects.requireNonNull(challenge, "challenge");
        String text = queryText(challenge);
        if (text.isBlank() || limit <= 0) {
            return Mono.just(List.of());
        }
        SearchRequest request = request(text, Math.min(limit, MAX_LIMIT));
        return indexes.ready()
                .then(elasticsearch.call("rank suppliers", client -> client.search(request, SupplierHit.class)))
                .map(response -> response.hits().hits().stream()
                        .map(SupplierRanker::match)
                        // integer scores tie far more often than BM25 ones: the hash keeps equal scores in a stable order
                        .sorted(Comparator.comparingInt(SupplierMatch::score).reversed()
                                .thenComparingLong(match -> Tiebreak.of(match.supplierId())))
                        .toList());
    }

    static String queryText(ChallengeDocument challenge) {
        String text = String.join("\n", Stream.concat(
                        Stream.of(challenge.title(), challenge.summary(), challenge.description()),
                        challenge.categories().stream())
                .filter(Objects::nonNull)
                .toList());
        return text.length() > MAX_QUERY_CHARACTERS ? text.substring(0, MAX_QUERY_CHARACTERS) : text;
    }

    private SearchRequest request(String text, int limit) {
        List<NamedValue<HighlightField>> highlighted = FIELDS.keySet().stream()
                .map(field -> NamedValue.of(field, HighlightField.of(f -> f)))
                .toList();
        return SearchRequest.of(search -> search
                .index(names.suppliers())
                .size(limit)
                .trackTotalHits(track -> track.enabled(false))
                .trackScores(true)
                .query(query -> query.bool(bool -> bool
                        .filter(filter -> filter.term(term -> term.field("published").value(true)))
                        .must(must -> must.multiMatch(match -> match
                                .query(text)
                                .type(TextQueryType.CrossFields)
                                .operator(Operator.Or)
                                .fields(BOOSTED_FIELDS)))))
                .sort(sort -> sort.score(score -> score.order(SortOrder.Desc)))
                .sort(sort -> sort.field(field -> field.field("tiebreak").order(SortOrder.Asc)))
                .source(source -> source.filter(filter -> filter.includes("supplier_id", "region_codes", "text.name", "text.summary")))
                .highlight(highlight -> highlight
                        // html encoder: profile text is escaped, so the fragments are safe to render with their <mark>s
                        .encoder(HighlighterEncoder.Html)
                        .preTags("<mark>")
                        .postTags("</mark>")
                        .fragmentSize(160)
                        .numberOfFragments(2)
                        .fields(highlighted)));
    }

    private static SupplierMatch match(Hit<SupplierHit> hit) {
        SupplierHit supplier = hit.source();
        List<Highlight> highlights = new ArrayList<>();
        FIELDS.forEach((indexField, profileField) -> hit.highlight().getOrDefault(indexField, List.of())
                .forEach(fragment -> highlights.add(new Highlight(profileField, fragment))));
        SupplierHit.Text text = supplier.text() == null ? new SupplierHit.Text(null, null) : supplier.text();
        return new SupplierMatch(supplier.supplierId(), text.name(), text.summary(), MatchScore.of(hit.score()),
                highlights, supplier.regionCodes() == null ? List.of() : supplier.regionCodes());
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
