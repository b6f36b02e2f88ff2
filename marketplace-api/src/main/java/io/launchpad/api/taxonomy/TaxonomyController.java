package io.launchpad.api.taxonomy;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Clients build their pickers from this instead of hard-coding codes. */
@RestController
class TaxonomyController {

    @GetMapping("/api/v1/taxonomy")
    Map<String, Map<String, String>> vocabularies() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        Arrays.stream(Vocabulary.values()).forEach(v -> all.put(v.name().toLowerCase().replace('_', '-'), v.labels()));
        return all;
    }
}
