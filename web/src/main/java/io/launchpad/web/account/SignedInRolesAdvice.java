package io.launchpad.web.account;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The signed-in person's realm roles ("association", "candidate", ...) for the
 * navigation, read from the sign-in's authorities (see {@code security.RealmRoles}): no
 * API call per page.
 */
@ControllerAdvice
class SignedInRolesAdvice {

    @ModelAttribute("signedInRoles")
    Mono<List<String>> signedInRoles(ServerWebExchange exchange) {
        return exchange.getPrincipal()
            .filter(Authentication.class::isInstance)
            .map(principal -> roles((Authentication) principal))
            .defaultIfEmpty(List.of());
    }

    static List<String> roles(@Nullable Authentication authentication) {
        if (authentication == null) {
            return List.of();
        }
        return authentication.getAuthorities()
            .stream()
            .map(GrantedAuthority::getAuthority)
            .filter(authority -> authority != null && authority.startsWith("ROLE_"))
            .map(authority -> authority.substring("ROLE_".length()))
            .toList();
    }

}
