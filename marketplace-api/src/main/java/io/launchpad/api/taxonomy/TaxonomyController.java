package io.launchpad.api.taxonomy;

import io.launchpad.matching.Taxonomy;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * Clients build their pickers from this instead of hard-coding codes. The version is the ETag:
 * the taxonomy changes only with a release, so clients may cache it for an hour and revalidate.
 */
@RestController
class TaxonomyController {

    @io.swagger.v3.oas.annotations.Operation(summary = "The controlled vocabularies (codes and labels)")
    @GetMapping("/api/v1/taxonomy")
    ResponseEntity<Taxonomy> taxonomy() {
        Taxonomy taxonomy = Taxonomy.housing();
        return ResponseEntity.ok()
                .eTag("\"" + taxonomy.version() + "\"")
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(taxonomy);
    }
}
