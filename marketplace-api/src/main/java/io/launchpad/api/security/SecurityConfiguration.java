package io.launchpad.api.security;

import io.launchpad.api.problem.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.ExpressionJwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The API is an OAuth2 resource server for Keycloak tokens. Published content is readable
 * without a token; everything else needs one. Finer rules (organisation membership,
 * ownership) are checked by each feature, because they depend on the data.
 */
@Configuration
@EnableWebFluxSecurity
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ProblemWriter problems) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .logout(ServerHttpSecurity.LogoutSpec::disable)
            .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
            .authorizeExchange(exchanges -> exchanges
                .matchers(PublicRoutes.ALL.stream()
                    .map(route -> ServerWebExchangeMatchers.pathMatchers(route.method(),
                            route.patterns().toArray(String[]::new)))
                    .toArray(ServerWebExchangeMatcher[]::new))
                .permitAll()
                .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                .permitAll()
                // operational figures, no personal data; production serves them on the
                // management
                // port, which only the monitoring namespace may reach (infra/deploy)
                .pathMatchers(HttpMethod.GET, "/actuator/prometheus")
                .permitAll()
                // the services client reads what is published (above) and who it is,
                // nothing more
                .pathMatchers(HttpMethod.GET, "/api/v1/me")
                .authenticated()
                .anyExchange()
                .access(PartnerConfinement::personOrAdmin))
            .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(realmRoles()))
                .authenticationEntryPoint(BearerProblems.unauthenticated(problems))
                .accessDeniedHandler(BearerProblems.forbidden(problems)))
            .exceptionHandling(handling -> handling.authenticationEntryPoint(BearerProblems.unauthenticated(problems))
                .accessDeniedHandler(BearerProblems.forbidden(problems)))
            .build();
    }

    /**
     * Keycloak puts realm roles in {@code realm_access.roles}; Spring expects
     * {@code ROLE_} authorities.
     */
    private static ReactiveJwtAuthenticationConverterAdapter realmRoles() {
        var roles = new ExpressionJwtGrantedAuthoritiesConverter(
                new SpelExpressionParser().parseExpression("[realm_access]?.[roles] ?: {}"));
        roles.setAuthorityPrefix("ROLE_");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

}
