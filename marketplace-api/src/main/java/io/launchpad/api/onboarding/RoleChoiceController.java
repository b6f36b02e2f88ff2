package io.launchpad.api.onboarding;

import io.launchpad.api.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * Onboarding's first step: a person who signed up on their own says what describes them,
 * and gets that realm role in Keycloak. The token they called with does not carry it: a
 * client gets a new token (refresh, or sign in again, which Keycloak does without asking
 * while the session lasts).
 */
@RestController
class RoleChoiceController {

    record RoleChoice(@NotNull String role) {
    }

    record RoleGranted(String role, boolean newTokenNeeded) {
    }

    private final FirstRole firstRole;

    RoleChoiceController(FirstRole firstRole) {
        this.firstRole = firstRole;
    }

    @Operation(summary = "Choose your role, once: association, supplier or candidate",
            description = "Only for a person who holds no role yet (people who signed up themselves). Admin and "
                    + "partner are never self-assigned; any other role already held is a 409 (role/no-role-yet). "
                    + "The role is in the next token Keycloak issues, not in the one sent.")
    @ApiResponse(responseCode = "200", description = "Granted in Keycloak; get a new token to act with it",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "503",
            description = "Keycloak could not be reached; nothing was granted, try again after Retry-After",
            ref = "#/components/responses/Problem503")
    @PostMapping("/api/v1/me/role")
    Mono<RoleGranted> choose(@Valid @RequestBody RoleChoice choice) {
        return Caller.current()
            .flatMap(caller -> firstRole.choose(caller, choice.role()))
            .map(role -> new RoleGranted(role, true));
    }

}
