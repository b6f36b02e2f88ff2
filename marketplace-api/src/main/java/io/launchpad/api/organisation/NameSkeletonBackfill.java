package io.launchpad.api.organisation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Skeletons are computed by ICU in Java, so the migration that added the column could not
 * fill it: organisations registered before it get theirs at startup. Each update only
 * fills an empty column, so instances starting together do not conflict. Two old names
 * that already look alike keep the first one's skeleton; the other is logged for an admin
 * to look at.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class NameSkeletonBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(NameSkeletonBackfill.class);

    private final OrganisationRepository repository;

    NameSkeletonBackfill(OrganisationRepository repository) {
        this.repository = repository;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long filled = repository.withoutSkeleton()
            .concatMap(organisation -> repository
                .setSkeleton(organisation.id(), OrganisationNames.skeleton(organisation.name()))
                .onErrorResume(DataIntegrityViolationException.class, e -> {
                    log.warn(
                            "Organisation {} ('{}') looks like another registered organisation's name; "
                                    + "left without a skeleton for an admin to review",
                            organisation.id(), organisation.name());
                    return Mono.just(0L);
                }))
            .reduce(0L, Long::sum)
            .block();
        if (filled != null && filled > 0) {
            log.info("Filled the name skeleton of {} organisations registered before issue 10", filled);
        }
    }

}
