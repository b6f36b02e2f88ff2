package io.launchpad.api.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Where and as whom the API deletes a person's Keycloak account when they erase their
 * data: a confidential client of the realm whose service account holds realm-management's
 * {@code manage-users} role (which also lets it map realm roles: onboarding grants a
 * person's first role through it). The secret comes from the environment
 * ({@code KEYCLOAK_ACCOUNT_ADMIN_SECRET}), never from a file in the repository; without
 * one, deletions are recorded as pending and retried once it is set.
 *
 * @param baseUrl Keycloak's base address (without {@code /realms/...})
 * @param realm the realm people sign in to
 * @param clientId the confidential client with a service account
 * @param clientSecret that client's secret
 * @param timeout how long one call to Keycloak may take before the deletion is left to
 * the retry job (how often that job runs is
 * {@code launchpad.identity.account-admin.retry-interval}, ISO-8601, default
 * {@code PT5M})
 */
@ConfigurationProperties("launchpad.identity.account-admin")
public record SignInAccountProperties(@DefaultValue("http://127.0.0.1:8180") String baseUrl,
        @DefaultValue("launchpad") String realm, @DefaultValue("launchpad-account-admin") String clientId,
        String clientSecret, @DefaultValue("5s") Duration timeout) {

    public boolean configured() {
        return clientSecret != null && !clientSecret.isBlank();
    }
}
