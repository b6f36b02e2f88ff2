package io.launchpad.api.taxonomy;

import io.launchpad.matching.Taxonomy;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Clients build their pickers from this instead of hard-coding codes. The version is the
 * ETag: the taxonomy changes only with a release, so clients may cache it for an hour and
 * revalidate.
 */
@RestController
class TaxonomyController {

    /** Fixed for a release, so mapped once. */
    private static final TaxonomyView HOUSING = TaxonomyView.of(Taxonomy.housing());

    @Operation(summary = "The controlled vocabularies (codes and labels)")
    @GetMapping("/api/v1/taxonomy")
    ResponseEntity<TaxonomyView> taxonomy() {
        return ResponseEntity.ok()
            .eTag("\"" + HOUSING.version() + "\"")
            .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
            .body(HOUSING);
    }

}
