package io.launchpad.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The production realm files are generated from the development realm and committed
 * (compose mounts one, kustomize includes the other); these tests keep them in step and
 * check that no demo account, test client or local redirect reaches production.
 */
class ProductionRealmTest {

    @Test
    void composeRealmIsInStepWithTheRealmFile() {
        GeneratedFiles.inStep(ProductionRealm.COMPOSE_REALM, ProductionRealm.composeRealm(), ProductionRealm.SOURCE);
    }

    @Test
    void realmImportIsInStepWithTheRealmFile() {
        GeneratedFiles.inStep(ProductionRealm.REALM_IMPORT, ProductionRealm.realmImport(), ProductionRealm.SOURCE);
    }

    @Test
    void productionRealmKeepsServiceAccountsAndDropsDemoPeopleAndTheTestClient() {
        Map<String, Object> realm = ProductionRealm.realm("https://launchpad.example.org/*");
        List<String> clients = DeployFiles.list(realm.get("clients"))
            .stream()
            .map(c -> (String) DeployFiles.map(c).get("clientId"))
            .toList();
        assertThat(clients).contains("launchpad-web", "launchpad-services", "launchpad-account-admin")
            .doesNotContain(ProductionRealm.TEST_CLIENT);
        List<Map<String, Object>> users = DeployFiles.list(realm.get("users")).stream().map(DeployFiles::map).toList();
        assertThat(users).isNotEmpty().allSatisfy(user -> {
            assertThat(user).containsKey("serviceAccountClientId");
            assertThat(user).doesNotContainKey("credentials");
        });
        String text = realm.toString();
        assertThat(text).doesNotContain("127.0.0.1", "localhost");
        assertThat(text).as("no development default survives in a placeholder")
            .doesNotContainPattern("\\$\\{[A-Za-z0-9_]+:");
        // the client secrets stay placeholders: the values come from Secrets at import
        ProductionRealm.SECRET_PLACEHOLDERS.keySet()
            .forEach(placeholder -> assertThat(text).contains("${" + placeholder + "}"));
    }

    @Test
    void everyPlaceholderOfTheRealmHasASourceInTheRealmImport() {
        Map<String, Object> spec = DeployFiles.at(DeployFiles.documents(ProductionRealm.REALM_IMPORT).getFirst(),
                "spec");
        assertThat(DeployFiles.map(spec.get("placeholders")).keySet())
            .containsExactlyInAnyOrderElementsOf(ProductionRealm.placeholders(DeployFiles.map(spec.get("realm"))));
    }

    @Test
    void everyOverlayPointsTheRealmKeycloakAndTheIngressAtItsOwnHosts() {
        for (String overlay : DeployFiles.OVERLAYS) {
            var objects = DeployFiles.rendered(overlay);
            Map<String, Object> urls = objects.stream()
                .filter(o -> "ConfigMap".equals(o.get("kind"))
                        && String.valueOf(DeployFiles.at(o, "metadata").get("name")).startsWith("launchpad-urls"))
                .map(o -> DeployFiles.at(o, "data"))
                .findFirst()
                .orElseThrow();
            Map<String, Object> realm = objects.stream()
                .filter(o -> "KeycloakRealmImport".equals(o.get("kind")))
                .map(o -> DeployFiles.at(o, "spec", "realm"))
                .findFirst()
                .orElseThrow();
            Map<String, Object> web = DeployFiles.list(realm.get("clients"))
                .stream()
                .map(DeployFiles::map)
                .filter(c -> "launchpad-web".equals(c.get("clientId")))
                .findFirst()
                .orElseThrow();
            assertThat(DeployFiles.list(web.get("redirectUris"))).as(overlay)
                .containsExactly("https://" + urls.get("WEB_HOST") + "/*");
            Map<String, Object> keycloak = objects.stream()
                .filter(o -> "Keycloak".equals(o.get("kind")))
                .findFirst()
                .orElseThrow();
            assertThat(DeployFiles.at(keycloak, "spec", "hostname").get("hostname")).as(overlay)
                .isEqualTo("https://" + urls.get("AUTH_HOST"))
                .isEqualTo(urls.get("KEYCLOAK_HOSTNAME"));
            assertThat(urls.get("KEYCLOAK_ISSUER_URI")).as(overlay)
                .isEqualTo(urls.get("KEYCLOAK_HOSTNAME") + "/realms/launchpad");
            Map<String, Object> ingress = objects.stream()
                .filter(o -> "Ingress".equals(o.get("kind")))
                .findFirst()
                .orElseThrow();
            List<Object> hosts = DeployFiles.list(DeployFiles.at(ingress, "spec").get("rules"))
                .stream()
                .map(rule -> DeployFiles.map(rule).get("host"))
                .toList();
            assertThat(hosts).as(overlay)
                .containsExactly(urls.get("WEB_HOST"), urls.get("API_HOST"), urls.get("AUTH_HOST"));
            assertThat(DeployFiles
                .list(DeployFiles.map(DeployFiles.list(DeployFiles.at(ingress, "spec").get("tls")).getFirst())
                    .get("hosts")))
                .as(overlay)
                .isEqualTo(hosts);
        }
    }

}
