package io.launchpad.api.supplier;

import io.launchpad.api.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The signed-in person's own supplier profiles (drafts included), so a client can offer
 * "edit your profile" and "challenges for your profile" without knowing an id first.
 */
@RestController
class MySupplierProfilesController {

    record MyProfiles(List<SupplierController.SupplierView> items) {
    }

    private final SupplierProfiles profiles;

    MySupplierProfilesController(SupplierProfiles profiles) {
        this.profiles = profiles;
    }

    @Operation(summary = "Your supplier organisations' profiles, drafts included")
    @GetMapping("/api/v1/me/supplier-profiles")
    Mono<MyProfiles> mine() {
        return Caller.current()
            .flatMap(profiles::mine)
            .map(found -> new MyProfiles(found.stream().map(SupplierController.SupplierView::of).toList()));
    }

}
