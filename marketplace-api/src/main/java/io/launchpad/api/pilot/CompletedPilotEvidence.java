package io.launchpad.api.pilot;

import io.launchpad.matching.PilotEvidence;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Tells matching's re-rank how many pilots each supplier has completed: the evidence a
 * completed pilot leaves. Read at ranking time, so a completed pilot counts from the
 * moment it is completed, without reindexing the supplier.
 */
@Component
class CompletedPilotEvidence implements PilotEvidence {

    private final DatabaseClient db;

    CompletedPilotEvidence(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Map<UUID, Integer>> completedPilots(Collection<UUID> supplierIds) {
        if (supplierIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                select sp.id, count(p.id) as n from supplier_profile sp
                join pilot p on p.supplier_organisation_id = sp.organisation_id and p.status = 'completed'
                where sp.id = any(:ids) group by sp.id""")
            .bind("ids", supplierIds.toArray(UUID[]::new))
            .map(row -> Map.entry(row.get("id", UUID.class), row.get("n", Long.class).intValue()))
            .all()
            .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

}
