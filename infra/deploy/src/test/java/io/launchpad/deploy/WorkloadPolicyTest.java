package io.launchpad.deploy;

import static io.launchpad.deploy.DeployFiles.at;
import static io.launchpad.deploy.DeployFiles.list;
import static io.launchpad.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The rendered manifests of every overlay obey {@link WorkloadPolicy} and wire each
 * workload completely.
 */
class WorkloadPolicyTest {

    static final List<String> OVERLAYS = DeployFiles.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyWorkloadIsLockedDownSizedProbedAndGetsSecretsByReference(String overlay) {
        List<Map<String, Object>> objects = DeployFiles.rendered(overlay);
        assertThat(objects.stream().filter(o -> "Deployment".equals(o.get("kind")))).hasSize(2);
        assertThat(WorkloadPolicy.violations(objects)).as(overlay).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyDeploymentHasAServiceAnAutoscalerADisruptionBudgetAndANetworkPolicy(String overlay) {
        List<Map<String, Object>> objects = DeployFiles.rendered(overlay);
        for (Map<String, Object> deployment : ofKind(objects, "Deployment")) {
            String name = (String) at(deployment, "metadata").get("name");
            Map<String, Object> podLabels = at(deployment, "spec", "template", "metadata", "labels");
            assertThat(ofKind(objects, "Service")).as(name + " Service")
                .anySatisfy(service -> assertThat(podLabels).containsAllEntriesOf(at(service, "spec", "selector")));
            assertThat(ofKind(objects, "HorizontalPodAutoscaler")).as(name + " HPA")
                .anySatisfy(hpa -> assertThat(at(hpa, "spec", "scaleTargetRef")).containsEntry("name", name));
            assertThat(ofKind(objects, "PodDisruptionBudget")).as(name + " PDB")
                .anySatisfy(
                        pdb -> assertThat(podLabels).containsAllEntriesOf(at(pdb, "spec", "selector", "matchLabels")));
            assertThat(ofKind(objects, "NetworkPolicy")).as(name + " NetworkPolicy of its own").anySatisfy(policy -> {
                Map<String, Object> matchLabels = at(policy, "spec", "podSelector", "matchLabels");
                assertThat(matchLabels).isNotEmpty();
                assertThat(podLabels).containsAllEntriesOf(matchLabels);
            });
        }
        assertThat(ofKind(objects, "NetworkPolicy")).as("a default deny for every pod").anySatisfy(policy -> {
            assertThat(at(policy, "spec", "podSelector")).isEmpty();
            assertThat(list(at(policy, "spec").get("policyTypes"))).contains("Ingress", "Egress");
            assertThat(at(policy, "spec")).doesNotContainKeys("ingress", "egress");
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theOperatorsRunWhatTheIssueAsks(String overlay) {
        List<Map<String, Object>> objects = DeployFiles.rendered(overlay);
        assertThat(ofKind(objects, "Elasticsearch")).hasSize(1);
        assertThat(ofKind(objects, "Cluster")).extracting(c -> at(c, "metadata").get("name"))
            .containsExactlyInAnyOrder("launchpad-db", "keycloak-db");
        assertThat(ofKind(objects, "Keycloak")).hasSize(1);
        assertThat(ofKind(objects, "KeycloakRealmImport")).hasSize(1);
        if (overlay.equals("production")) {
            int nodes = ofKind(objects, "Elasticsearch").stream()
                .flatMap(es -> list(at(es, "spec").get("nodeSets")).stream())
                .mapToInt(nodeSet -> ((Number) map(nodeSet).get("count")).intValue())
                .sum();
            assertThat(nodes).as("Elasticsearch nodes").isEqualTo(3);
            assertThat(ofKind(objects, "Cluster")).allSatisfy(cluster -> {
                assertThat(((Number) at(cluster, "spec").get("instances")).intValue()).as("primary + replica")
                    .isEqualTo(2);
                assertThat(at(cluster, "spec", "backup", "barmanObjectStore")).containsKey("destinationPath");
            });
            assertThat(ofKind(objects, "ScheduledBackup")).extracting(b -> at(b, "spec", "cluster").get("name"))
                .containsExactlyInAnyOrder("launchpad-db", "keycloak-db");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void probesAskTheManagementPortWhichTheIngressNeverRoutes(String overlay) {
        List<Map<String, Object>> objects = DeployFiles.rendered(overlay);
        for (Map<String, Object> deployment : ofKind(objects, "Deployment")) {
            for (Object container : list(at(deployment, "spec", "template", "spec").get("containers"))) {
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    assertThat(at(map(container), probe, "httpGet")).as(DeployFiles.name(deployment) + " " + probe)
                        .containsEntry("port", "management")
                        .containsEntry("path", probe.equals("readinessProbe") ? "/actuator/health/readiness"
                                : "/actuator/health/liveness");
                }
                assertThat(list(map(container).get("env"))).as(DeployFiles.name(deployment))
                    .anySatisfy(e -> assertThat(map(e)).containsEntry("name", "MANAGEMENT_PORT")
                        .containsEntry("value", "9000"));
            }
        }
        String ingresses = ofKind(objects, "Ingress").toString();
        assertThat(ingresses).contains("name=http").doesNotContain("management", "9000");
    }

    /**
     * what the API refuses to start without outside the embedded profile (marketplace-api
     * RequiredSecrets)
     */
    static final List<String> API_REQUIRED_SECRETS = List.of("LAUNCHPAD_DB_PASSWORD", "LAUNCHPAD_DB_MIGRATION_PASSWORD",
            "KEYCLOAK_ACCOUNT_ADMIN_SECRET");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theApiGetsEverySecretItRequiresAndMigratesAsAnotherUser(String overlay) {
        Map<String, Object> api = ofKind(DeployFiles.rendered(overlay), "Deployment").stream()
            .filter(d -> "marketplace-api".equals(at(d, "metadata").get("name")))
            .findFirst()
            .orElseThrow();
        Map<String, Map<String, Object>> env = list(
                map(list(at(api, "spec", "template", "spec").get("containers")).getFirst()).get("env"))
            .stream()
            .map(DeployFiles::map)
            .collect(Collectors.toMap(e -> (String) e.get("name"), e -> e));
        for (String secret : API_REQUIRED_SECRETS) {
            assertThat(at(env.getOrDefault(secret, Map.of()), "valueFrom", "secretKeyRef")).as(secret)
                .containsKeys("name", "key");
        }
        assertThat(at(env.get("LAUNCHPAD_DB_USER"), "valueFrom", "secretKeyRef").get("name"))
            .isNotEqualTo(at(env.get("LAUNCHPAD_DB_MIGRATION_USER"), "valueFrom", "secretKeyRef").get("name"));
    }

    @Test
    void aCarelessDeploymentBreaksEveryRule() {
        List<Map<String, Object>> careless = DeployFiles
            .documents(Path.of("src/test/resources/careless-deployment.yaml"));
        Set<String> rules = WorkloadPolicy.violations(careless)
            .stream()
            .map(violation -> violation.substring(violation.indexOf(": ") + 2))
            .collect(Collectors.toSet());
        assertThat(rules).contains("does not set runAsNonRoot: true", "runs as uid 0",
                "does not set readOnlyRootFilesystem: true", "does not set allowPrivilegeEscalation: false",
                "does not drop ALL capabilities", "has no RuntimeDefault seccomp profile",
                "has no cpu in resources.limits", "has no memory in resources.requests", "has no startupProbe",
                "has no livenessProbe", "has no readinessProbe", "env DB_PASSWORD is a secret but not a secretKeyRef",
                "a Secret is in the manifests; create it apart and reference it",
                "spec.backup.barmanObjectStore.s3Credentials.inlineToken holds a value inline");
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

}
