package io.launchpad.web.supplier;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.launchpad.web.api.LaunchpadApi;
import io.launchpad.web.challenge.Taxonomy;

import reactor.core.publisher.Mono;

/**
 * A supplier's public page: what its profile says, and its completed pilots with each outcome measure
 * (baseline, target, actual, met or not) as evidence of what it delivered. Anyone may read it; the API
 * answers 404 for a profile that is not published.
 */
@Controller
class SupplierPageController {

    private final LaunchpadApi api;
    private final Taxonomy taxonomy;

    SupplierPageController(LaunchpadApi api, Taxonomy taxonomy) {
        this.api = api;
        this.taxonomy = taxonomy;
    }

    @GetMapping("/suppliers/{id}")
    Mono<String> supplier(@PathVariable String id, Model model) {
        return Mono.zip(api.get(uri -> uri.path("/api/v1/suppliers/{id}").build(id), SupplierPage.Profile.class),
                api.get(uri -> uri.path("/api/v1/suppliers/{id}/pilots").build(id), SupplierPage.Pilots.class))
            .map(found -> {
                model.addAttribute("taxonomy", taxonomy);
                model.addAttribute("supplier", found.getT1());
                model.addAttribute("pilots", found.getT2().items());
                return "supplier/page";
            });
    }
}
