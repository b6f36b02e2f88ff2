package io.launchpad.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The Prometheus Operator reads alert rules from a PrometheusRule; the rules themselves
 * live in infra/deploy/monitoring/alert-rules.yaml (checked against a live scrape by the
 * API's tests). The PrometheusRule is generated from that file and kept in step here.
 */
class AlertRulesTest {

    static final Path SOURCE = DeployFiles.MODULE.resolve("monitoring/alert-rules.yaml");
    static final Path RULE = DeployFiles.MODULE.resolve("k8s/components/monitoring/prometheus-rule.yaml");

    @Test
    void prometheusRuleIsInStepWithTheAlertRules() {
        GeneratedFiles.inStep(RULE, prometheusRule(), SOURCE);
    }

    @Test
    void productionScrapesBothAppsUnderTheJobNamesTheRulesUse() {
        List<Map<String, Object>> objects = DeployFiles.rendered("production");
        assertThat(objects).filteredOn(o -> "PrometheusRule".equals(o.get("kind"))).hasSize(1);
        for (String app : List.of("marketplace-api", "web")) {
            Map<String, Object> monitor = objects.stream()
                .filter(o -> "ServiceMonitor".equals(o.get("kind"))
                        && app.equals(DeployFiles.at(o, "metadata").get("name")))
                .findFirst()
                .orElseThrow();
            Map<String, Object> service = objects.stream()
                .filter(o -> "Service".equals(o.get("kind")) && app.equals(DeployFiles.at(o, "metadata").get("name")))
                .findFirst()
                .orElseThrow();
            String jobLabel = (String) DeployFiles.at(monitor, "spec").get("jobLabel");
            assertThat(DeployFiles.at(service, "metadata", "labels").get(jobLabel)).as(app)
                .isEqualTo(app.equals("web") ? "launchpad-web" : "launchpad-api");
            assertThat(DeployFiles.list(DeployFiles.at(service, "spec").get("ports")))
                .anySatisfy(port -> assertThat(DeployFiles.map(port)).containsEntry("name", "management"));
        }
        String rules = DeployFiles.documents(RULE).getFirst().toString();
        assertThat(rules).contains("job=\"launchpad-api\"");
    }

    static String prometheusRule() {
        Map<String, Object> rules = DeployFiles.documents(SOURCE).getFirst();
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("apiVersion", "monitoring.coreos.com/v1");
        resource.put("kind", "PrometheusRule");
        resource.put("metadata", Map.of("name", "launchpad"));
        resource.put("spec", rules);
        var options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndentWithIndicator(true);
        options.setIndicatorIndent(2);
        options.setSplitLines(false);
        return """
                # GENERATED from infra/deploy/monitoring/alert-rules.yaml by AlertRulesTest (infra/deploy tests).
                # Regenerate with -Ddeploy.update=true (infra/deploy/README.md); edit the source, not this file.
                """ + new Yaml(options).dump(resource);
    }

}
