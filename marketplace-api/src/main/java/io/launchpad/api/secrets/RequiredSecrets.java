package io.launchpad.api.secrets;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses to start without the secrets production needs, instead of running on a guessed
 * database password or quietly never deleting erased people's sign-in accounts. The
 * embedded stack (the run command, benchmarks, tests) activates the {@code embedded}
 * profile, where its own generated values apply and an absent one is allowed. Checked
 * before anything connects, so the message names the variable rather than a database
 * authentication error.
 */
public final class RequiredSecrets implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    public static final String EMBEDDED_PROFILE = "embedded";

    /** Property read by the app -> the variable an operator sets. */
    private static final Map<String, String> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("spring.r2dbc.password", "LAUNCHPAD_DB_PASSWORD");
        REQUIRED.put("spring.flyway.password", "LAUNCHPAD_DB_MIGRATION_PASSWORD (or LAUNCHPAD_DB_PASSWORD)");
        REQUIRED.put("launchpad.identity.account-admin.client-secret", "KEYCLOAK_ACCOUNT_ADMIN_SECRET");
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    static void check(ConfigurableEnvironment environment) {
        if (environment.acceptsProfiles(Profiles.of(EMBEDDED_PROFILE))) {
            return;
        }
        List<String> missing = REQUIRED.entrySet()
            .stream()
            .filter(required -> isBlank(environment.getProperty(required.getKey())))
            .map(Map.Entry::getValue)
            .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(
                    "Launchpad API will not start without these secrets: " + String.join(", ", missing)
                            + ". Set them in the environment (see README, Production), or run with the '"
                            + EMBEDDED_PROFILE + "' profile on a developer's machine.");
        }
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }

}
