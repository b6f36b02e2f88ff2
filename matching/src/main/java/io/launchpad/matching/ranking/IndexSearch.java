package io.launchpad.matching.ranking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import io.launchpad.matching.Highlight;
import io.launchpad.matching.Search;
import io.launchpad.matching.Taxonomy;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.indexes.IndexSetup;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import java.time.Instant;
import java.util.UUID;

/**
 * Faceted search in one request: the base filters (published, open) in the query, the
 * chosen facet values in {@code post_filter}, and per facet a {@code filter} aggregation
 * holding every other chosen value, so each facet counts as if its own choice were not
 * made yet (multi-select facets).
 */
final class IndexSearch implements Search {

    /** facet name → (index field, vocabulary) */
    private record Facet(String name, String field, String vocabulary) {
    }

    private static final List<Facet> SUPPLIER_FACETS = List.of(
            new Facet("category", "category_codes", Taxonomy.CATEGORY),
            new Facet("region", "region_codes", Taxonomy.REGION),
            new Facet("accreditation", "accreditation_codes", Taxonomy.ACCREDITATION),
            new Facet("size", "size_code", Taxonomy.ORGANISATION_SIZE));

    private static final List<Facet> CHALLENGE_FACETS = List.of(
            new Facet("category", "category_codes", Taxonomy.CATEGORY),
            new Facet("region", "region_codes", Taxonomy.REGION));

    private static final List<String> SUPPLIER_FIELDS = List.of("text.name^3", "text.summary^2", "text.capabilities^2",
            "text.products^1.5", "text.case_studies");

    private static final Map<String, String> SUPPLIER_HIGHLIGHTS = Map.of("text.summary", "summary",
            "text.capabilities", "capabilities", "text.products", "products", "text.case_studies", "caseStudies");

    private static final List<String> CHALLENGE_FIELDS = List.of("text.title^3", "text.summary^2", "text.description",
            "text.categories^2", "text.organisation_name");

    private static final Map<String, String> CHALLENGE_HIGHLIGHTS = Map.of("text.title", "title", "text.summary",
            "summary", "text.description", "description");

    private final ElasticsearchConnection elasticsearch;

    private final IndexSetup indexes;

    private final IndexNames names;

    private final Taxonomy taxonomy;

    private final Clock clock;

    IndexSearch(ElasticsearchConnection elasticsearch, IndexSetup indexes, IndexNames names, Taxonomy taxonomy,
            Clock clock) {
        this.elasticsearch = elasticsearch;
        this.indexes = indexes;
        this.names = names;
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    @Override
    public Mono<Results<SupplierHit>> suppliers(SupplierQuery query) {
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        chosen.put("category", query.categories());
        chosen.put("region", query.regions());
        chosen.put("accreditation", query.accreditations());
        chosen.put("size", query.sizes());
        Query base = Query.of(q -> q.term(t -> t.field("published").value(true)));
        SearchRequest request = request(names.suppliers(), base, query.text(), SUPPLIER_FIELDS, SUPPLIER_HIGHLIGHTS,
                SUPPLIER_FACETS, chosen, query.limit(), query.offset());
        return indexes.ready()
            .then(elasticsearch.call("search suppliers", client -> client.search(request, StoredSupplierHit.class)))
            .map(response -> results(response, SUPPLIER_FACETS, chosen, query.limit(), query.offset(),
                    hit -> supplierHit(hit)));
    }

    @Override
    public Mono<Results<ChallengeHit>> challenges(ChallengeQuery query) {
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        chosen.put("category", query.categories());
        chosen.put("region", query.regions());
        LocalDate today = LocalDate.now(clock);
        Query base = Query.of(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("status_code").value("published")))
            .filter(f -> f.range(r -> r.date(d -> d.field("closing_date").gte(today.toString()))))));
        SearchRequest request = request(names.challenges(), base, query.text(), CHALLENGE_FIELDS, CHALLENGE_HIGHLIGHTS,
                CHALLENGE_FACETS, chosen, query.limit(), query.offset());
        return indexes.ready()
            .then(elasticsearch.call("search challenges", client -> client.search(request, StoredChallengeHit.class)))
            .map(response -> results(response, CHALLENGE_FACETS, chosen, query.limit(), query.offset(),
                    hit -> challengeHit(hit)));
    }

    private SearchRequest request(String index, Query base, @Nullable String text, List<String> fields,
            Map<String, String> highlighted, List<Facet> facets, Map<String, List<String>> chosen, int limit,
            int offset) {
        int size = Math.max(1, Math.min(limit, MAX_LIMIT));
        int from = Math.max(0, Math.min(offset, MAX_OFFSET));
        String words = text == null ? "" : text.strip();
        boolean hasText = !words.isEmpty();
        Query query = Query.of(q -> q.bool(b -> {
            b.filter(base);
            if (hasText) {
                b.must(m -> m.multiMatch(
                        mm -> mm.query(words).type(TextQueryType.CrossFields).operator(Operator.Or).fields(fields)));
            }
            return b;
        }));
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        for (Facet facet : facets) {
            Query others = chosenFilter(facets, chosen, facet.name());
            int buckets = taxonomy.codes(facet.vocabulary()).size();
            aggregations.put(facet.name(), Aggregation.of(a -> a.filter(others)
                .aggregations("codes", t -> t.terms(terms -> terms.field(facet.field()).size(buckets)))));
        }
        return SearchRequest.of(search -> {
            search.index(index)
                .from(from)
                .size(size)
                .trackTotalHits(t -> t.enabled(true))
                .query(query)
                .postFilter(chosenFilter(facets, chosen, null))
                .aggregations(aggregations)
                .source(source -> source.filter(f -> f.excludes("embedding", "text.description", "text.capabilities",
                        "text.products", "text.case_studies", "text.categories", "version", "tiebreak")));
            if (hasText) {
                search.sort(s -> s.score(o -> o.order(SortOrder.Desc)));
            }
            else {
                search.sort(s -> s.field(f -> f.field("updated_at").order(SortOrder.Desc)));
            }
            search.sort(s -> s.field(f -> f.field("tiebreak").order(SortOrder.Asc)));
            if (hasText) {
                search.highlight(h -> h.encoder(HighlighterEncoder.Html)
                    .preTags("<mark>")
                    .postTags("</mark>")
                    .fragmentSize(160)
                    .numberOfFragments(2)
                    .fields(highlighted.keySet()
                        .stream()
                        .map(field -> NamedValue.of(field, HighlightField.of(f -> f)))
                        .toList()));
            }
            return search;
        });
    }

    /**
     * Every chosen facet value as a filter, leaving out {@code except}; values of one
     * facet are alternatives.
     */
    private static Query chosenFilter(List<Facet> facets, Map<String, List<String>> chosen, @Nullable String except) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        for (Facet facet : facets) {
            List<String> values = chosen.getOrDefault(facet.name(), List.of());
            if (!facet.name().equals(except) && !values.isEmpty()) {
                bool.filter(f -> f.terms(
                        t -> t.field(facet.field()).terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
            }
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    private <S, T> Results<T> results(SearchResponse<S> response, List<Facet> facets, Map<String, List<String>> chosen,
            int limit, int offset, Function<Hit<S>, T> toItem) {
        List<T> items = response.hits().hits().stream().filter(hit -> hit.source() != null).map(toItem).toList();
        long total = response.hits().total() == null ? items.size() : response.hits().total().value();
        Map<String, List<FacetCount>> counts = new LinkedHashMap<>();
        for (Facet facet : facets) {
            Map<String, Long> byCode = new HashMap<>();
            Aggregate aggregate = response.aggregations().get(facet.name());
            if (aggregate != null) {
                Aggregate codes = Objects.requireNonNull(aggregate.filter().aggregations().get("codes"),
                        "each facet's filter aggregation holds its codes");
                for (StringTermsBucket bucket : codes.sterms().buckets().array()) {
                    byCode.put(bucket.key().stringValue(), bucket.docCount());
                }
            }
            List<String> selected = chosen.getOrDefault(facet.name(), List.of());
            List<FacetCount> facetCounts = new ArrayList<>();
            taxonomy.labels(facet.vocabulary())
                .forEach((code, label) -> facetCounts
                    .add(new FacetCount(code, label, byCode.getOrDefault(code, 0L), selected.contains(code))));
            counts.put(facet.name(), facetCounts);
        }
        int from = Math.max(0, Math.min(offset, MAX_OFFSET));
        int next = from + items.size();
        Integer nextOffset = items.size() == Math.min(limit, MAX_LIMIT) && next < total && next <= MAX_OFFSET ? next
                : null;
        return new Results<>(items, total, counts, nextOffset);
    }

    private static SupplierHit supplierHit(Hit<StoredSupplierHit> hit) {
        StoredSupplierHit s = hit.source();
        StoredSupplierHit.Text text = s.text() == null ? new StoredSupplierHit.Text(null, null) : s.text();
        return new SupplierHit(s.supplierId(), text.name(), text.summary(), orEmpty(s.regionCodes()),
                orEmpty(s.accreditationCodes()), s.sizeCode(), orEmpty(s.categoryCodes()),
                highlights(hit, SUPPLIER_HIGHLIGHTS));
    }

    private static ChallengeHit challengeHit(Hit<StoredChallengeHit> hit) {
        StoredChallengeHit c = hit.source();
        StoredChallengeHit.Text text = c.text() == null ? new StoredChallengeHit.Text(null, null, null) : c.text();
        return new ChallengeHit(c.challengeId(), c.organisationId(), text.organisationName(), text.title(),
                text.summary(), orEmpty(c.categoryCodes()), orEmpty(c.regionCodes()),
                orEmpty(c.requiredAccreditationCodes()), c.closingDate(), highlights(hit, CHALLENGE_HIGHLIGHTS));
    }

    private static List<Highlight> highlights(Hit<?> hit, Map<String, String> fields) {
        List<PlainHighlights.Fragment> fragments = new ArrayList<>();
        if (hit.highlight() != null) {
            hit.highlight()
                .forEach((field, found) -> found.forEach(fragment -> fragments
                    .add(new PlainHighlights.Fragment(fields.getOrDefault(field, field), fragment))));
        }
        // a person searching for a name wants it marked: only words without a subject are
        // left unmarked
        return PlainHighlights.of(fragments, List.of());
    }

    private static List<String> orEmpty(@Nullable List<String> values) {
        return values == null ? List.of() : values;
    }

    record StoredSupplierHit(UUID supplierId, UUID organisationId, Boolean published, String sizeCode,
            @Nullable List<String> regionCodes, @Nullable List<String> accreditationCodes,
            @Nullable List<String> categoryCodes, Instant updatedAt, @Nullable Text text) {
        record Text(@Nullable String name, @Nullable String summary) {
        }
    }

    record StoredChallengeHit(UUID challengeId, UUID organisationId, String statusCode,
            @Nullable List<String> categoryCodes, @Nullable List<String> regionCodes,
            @Nullable List<String> requiredAccreditationCodes, LocalDate closingDate, Instant updatedAt,
            @Nullable Text text) {
        record Text(@Nullable String organisationName, @Nullable String title, @Nullable String summary) {
        }
    }

}
