package io.launchpad.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment files pass the tools an operator would run: the rendered manifests
 * validate against the Kubernetes and operator schemas (node,
 * validate/validate-manifests.mjs), every YAML file passes yamllint, and docker-compose
 * accepts compose.yaml. Each check is also shown to fail on a broken input, so a green
 * run means something.
 */
class ExternalValidatorsTest {

    @Test
    void renderedManifestsMatchTheKubernetesAndOperatorSchemas() {
        List<String> command = new ArrayList<>(List.of("node", "validate/validate-manifests.mjs"));
        DeployFiles.OVERLAYS
            .forEach(overlay -> command.add(DeployFiles.RENDERED.resolve(overlay + ".yaml").toString()));
        Tool result = Tool.run(DeployFiles.MODULE, command.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains(" 0 invalid");
    }

    @Test
    void schemaValidationRejectsAWrongTypeAnUnknownOperatorFieldAndAnUnknownKind(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: broken }
                spec:
                  selector: { matchLabels: { app: broken } }
                  template:
                    spec:
                      containers:
                        - { name: app, image: 3 }
                ---
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: { name: broken-db }
                spec: { instances: 2, storage: { size: 1Gi }, backups: {} }
                ---
                apiVersion: example.org/v1
                kind: Mystery
                metadata: { name: mystery }
                """);
        Tool result = Tool.run(DeployFiles.MODULE, "node", "validate/validate-manifests.mjs", broken.toString());
        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("3 invalid", "containers/0/image", "additionalProperty\":\"backups",
                "no schema for this kind");
    }

    @Test
    void everyYamlFilePassesYamllint() {
        Tool result = Tool.run(DeployFiles.MODULE, "yamllint", "-c", ".yamllint.yaml", "--strict", "-f", "parsable",
                ".");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void yamllintRejectsBadYaml(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), "key: value\nkey: again\nlist:\n- a\n  - b\n");
        Tool result = Tool.run(DeployFiles.MODULE, "yamllint", "-c", ".yamllint.yaml", "--strict", dir.toString());
        assertThat(result.exitCode()).as(result.output()).isNotZero();
    }

    @Test
    void dockerComposeAcceptsTheComposeFile() {
        Tool result = Tool.run(DeployFiles.MODULE.resolve("compose"), "docker-compose", "--env-file", "example.env",
                "config", "-q");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void dockerComposeRefusesToStartWithoutThePublicUrls(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.env"), "");
        Tool result = Tool.run(DeployFiles.MODULE.resolve("compose"), "docker-compose", "--env-file", empty.toString(),
                "config", "-q");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("set KEYCLOAK_PUBLIC_URL in .env");
    }

}
