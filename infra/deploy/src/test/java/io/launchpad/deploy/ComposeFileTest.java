package io.launchpad.deploy;

import static io.launchpad.deploy.DeployFiles.list;
import static io.launchpad.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * compose.yaml runs what the issue asks, with every secret in a file and the apps locked
 * down.
 */
class ComposeFileTest {

    private final Map<String, Object> compose = DeployFiles
        .documents(DeployFiles.MODULE.resolve("compose/compose.yaml"))
        .getFirst();

    private final Map<String, Object> services = map(compose.get("services"));

    @Test
    void runsPostgresThreeElasticsearchNodesKeycloakTwoApisAndWeb() {
        assertThat(services).containsKeys("postgres", "es01", "es02", "es03", "keycloak", "api", "web");
        assertThat(DeployFiles.at(map(services.get("api")), "deploy").get("replicas")).isEqualTo(2);
        assertThat(map(services.get("keycloak")).get("command").toString()).contains("--import-realm");
        assertThat(list(map(services.get("keycloak")).get("volumes")).toString())
            .contains("./keycloak/launchpad-realm.json:/opt/keycloak/data/import/");
    }

    @Test
    void noSecretIsWrittenInlineAndEverySecretIsAFile() {
        for (Map.Entry<String, Object> service : services.entrySet()) {
            Map<String, Object> environment = map(map(service.getValue()).get("environment"));
            environment.forEach((name, value) -> {
                if (WorkloadPolicy.SECRET_NAME.matcher(name).matches()) {
                    // only pointers to secret files
                    // (POSTGRES_PASSWORD_FILE=/run/secrets/...) may be named like a
                    // secret
                    assertThat(String.valueOf(value)).as(service.getKey() + " " + name).startsWith("/run/secrets/");
                }
            });
        }
        Map<String, Object> secrets = map(compose.get("secrets"));
        assertThat(secrets).isNotEmpty()
            .allSatisfy((name, secret) -> assertThat(map(secret).get("file").toString()).startsWith("./secrets/"));
        Set<String> used = services.values()
            .stream()
            .flatMap(s -> list(map(s).get("secrets")).stream())
            .map(s -> s instanceof String name ? name : String.valueOf(map(s).get("source")))
            .collect(Collectors.toSet());
        assertThat(used).isEqualTo(secrets.keySet());
    }

    @Test
    void theApiGetsEverySecretItRequiresAsAFileAndMigratesAsAnotherUser() {
        Map<String, Object> api = map(services.get("api"));
        assertThat(DeployFiles.at(api, "environment")).containsEntry("SPRING_CONFIG_IMPORT",
                "configtree:/run/secrets/");
        Set<String> files = list(api.get("secrets")).stream()
            .map(s -> s instanceof String name ? name : String.valueOf(map(s).get("target")))
            .collect(Collectors.toSet());
        assertThat(files).containsAll(WorkloadPolicyTest.API_REQUIRED_SECRETS);
        assertThat(DeployFiles.at(api, "environment").get("LAUNCHPAD_DB_USER"))
            .isNotEqualTo(DeployFiles.at(api, "environment").get("LAUNCHPAD_DB_MIGRATION_USER"));
    }

    @Test
    void theAppsRunOnAReadOnlyRootWithOnlyTmpWritable() {
        for (String app : List.of("api", "web")) {
            Map<String, Object> service = map(services.get(app));
            assertThat(service.get("read_only")).as(app).isEqualTo(true);
            assertThat(list(service.get("tmpfs"))).as(app).containsExactly("/tmp");
            assertThat(service).as(app + " publishes no port but web").satisfies(s -> {
                if (app.equals("api")) {
                    assertThat(s).doesNotContainKey("ports");
                }
            });
        }
    }

}
