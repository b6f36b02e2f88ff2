package io.launchpad.matching.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.launchpad.matching.ConsistencyReport;
import io.launchpad.matching.ConsistencyReport.Difference;
import io.launchpad.matching.ConsistencyReport.IndexCount;
import io.launchpad.matching.ConsistencyReport.Kind;
import io.launchpad.matching.ParkedOutboxRow;
import io.launchpad.matching.ParkedOutboxRows;
import io.launchpad.matching.SearchableSource;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.indexes.IndexSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import java.util.Comparator;

/**
 * Compares ids and versions in the system of record with those behind each alias: every
 * document missing from the index, every extra one, every one whose indexed version
 * differs (the index side read by {@link IndexedIds}, the record's by
 * {@link RecordedIds}). A check while writes are in flight can report a difference the
 * outbox is about to fix: run it again before acting on a stale version. It also counts
 * the outbox rows parked because Elasticsearch refused their document: their changes will
 * not arrive on their own.
 */
final class ConsistencyCheck {

    private static final Logger log = LoggerFactory.getLogger(ConsistencyCheck.class);

    private final IndexedIds indexedIds;

    private final IndexSetup indexes;

    private final IndexNames names;

    private final ParkedOutboxRows parked;

    ConsistencyCheck(ElasticsearchConnection elasticsearch, IndexSetup indexes, IndexNames names,
            ParkedOutboxRows parked) {
        this.indexedIds = new IndexedIds(elasticsearch);
        this.indexes = indexes;
        this.names = names;
        this.parked = parked;
    }

    private record Side(IndexCount count, List<Difference> differences) {
    }

    private record Parked(long count, List<Long> ids) {
    }

    Mono<ConsistencyReport> run(SearchableSource source) {
        return indexes.ready()
            .then(Flux.fromIterable(RecordedIds.of(names))
                .concatMap(recorded -> compare(recorded, source))
                .collectList())
            .zipWith(parked())
            .map(sidesAndParked -> {
                List<Side> sides = sidesAndParked.getT1();
                Parked parkedRows = sidesAndParked.getT2();
                List<Difference> all = new ArrayList<>();
                sides.forEach(side -> all.addAll(side.differences()));
                boolean truncated = all.size() > ConsistencyReport.MAX_LISTED;
                return new ConsistencyReport(sides.stream().map(Side::count).toList(),
                        truncated ? all.subList(0, ConsistencyReport.MAX_LISTED) : all, truncated, parkedRows.count(),
                        parkedRows.ids());
            })
            .doOnNext(report -> report.indexes()
                .forEach(count -> log.atInfo()
                    .addKeyValue("alias", count.alias())
                    .addKeyValue("inDatabase", count.inDatabase())
                    .addKeyValue("inIndex", count.inIndex())
                    .addKeyValue("missing", count.missing())
                    .addKeyValue("extra", count.extra())
                    .addKeyValue("stale", count.stale())
                    .log("Index consistency checked")))
            .doOnNext(report -> {
                if (report.parkedOutboxRows() > 0) {
                    log.atWarn()
                        .addKeyValue("parkedOutboxRows", report.parkedOutboxRows())
                        .log("Matching outbox rows are parked: their changes are not in the indexes");
                }
            });
    }

    private Mono<Parked> parked() {
        return parked.count()
            .zipWith(parked.list(0, ConsistencyReport.MAX_PARKED_LISTED).map(ParkedOutboxRow::id).collectList(),
                    Parked::new);
    }

    private Mono<Side> compare(RecordedIds recorded, SearchableSource source) {
        return recorded.read(source)
            .flatMap(inDatabase -> indexedIds.read(recorded.alias(), recorded.idField())
                .map(inIndex -> differences(recorded.alias(), inDatabase, inIndex)));
    }

    private static Side differences(String alias, Map<String, Long> inDatabase, IndexedIds.Indexed indexed) {
        List<Difference> differences = new ArrayList<>();
        long missing = 0;
        long stale = 0;
        long extra = 0;
        for (var row : inDatabase.entrySet()) {
            Long version = indexed.versions().get(row.getKey());
            if (version == null) {
                missing++;
                differences.add(new Difference(alias, row.getKey(), Kind.MISSING_IN_INDEX, row.getValue(), null));
            }
            else if (!version.equals(row.getValue())) {
                stale++;
                differences.add(new Difference(alias, row.getKey(), Kind.STALE_VERSION, row.getValue(), version));
            }
        }
        for (var document : indexed.versions().entrySet()) {
            if (!inDatabase.containsKey(document.getKey())) {
                extra++;
                differences
                    .add(new Difference(alias, document.getKey(), Kind.EXTRA_IN_INDEX, null, document.getValue()));
            }
        }
        differences.sort(Comparator.comparing(Difference::kind).thenComparing(Difference::id));
        return new Side(new IndexCount(alias, String.join(",", indexed.physical()), inDatabase.size(),
                indexed.versions().size(), missing, extra, stale), differences);
    }

}
