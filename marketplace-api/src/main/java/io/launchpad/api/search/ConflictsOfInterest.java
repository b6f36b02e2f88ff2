package io.launchpad.api.search;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Matching's exclusion rule: organisations that share a member with the asking one are
 * never proposed to it. Someone who acts for a housing association and for a supplier
 * should not see their own supplier recommended to their association (or the reverse):
 * the match would be a conflict of interest, however good the fit. Computed from
 * memberships when matches are asked for, so it holds the moment a membership changes.
 */
@Component
public class ConflictsOfInterest {

    private static final String SHARING_A_MEMBER = """
            select distinct other.organisation_id
            from membership mine join membership other on other.subject = mine.subject
            where mine.organisation_id = :organisation and other.organisation_id <> :organisation
            """;

    private final DatabaseClient db;

    ConflictsOfInterest(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Set<UUID>> of(UUID organisationId) {
        return db.sql(SHARING_A_MEMBER)
            .bind("organisation", organisationId)
            .map(row -> row.get("organisation_id", UUID.class))
            .all()
            .collect(Collectors.toSet());
    }

}
