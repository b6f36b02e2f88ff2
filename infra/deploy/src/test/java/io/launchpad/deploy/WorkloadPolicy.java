package io.launchpad.deploy;

import static io.launchpad.deploy.DeployFiles.at;
import static io.launchpad.deploy.DeployFiles.list;
import static io.launchpad.deploy.DeployFiles.map;
import static io.launchpad.deploy.DeployFiles.name;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every workload in the rendered manifests must satisfy, as a list of violations
 * (empty when all is well): non-root, read-only root filesystem, no privilege escalation,
 * no Linux capabilities, the runtime's seccomp profile, CPU and memory requests and
 * limits, startup, liveness and readiness probes, and secrets only by reference. The
 * operators' resources are held to what they expose of the same: requests and limits,
 * credentials by Secret.
 */
final class WorkloadPolicy {

    static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob");

    /**
     * a variable or key with one of these in its name carries a secret and must come from
     * a Secret
     */
    static final Pattern SECRET_NAME = Pattern
        .compile("(?i).*(password|passwd|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|credential).*");

    private final List<String> violations = new ArrayList<>();

    private WorkloadPolicy() {
    }

    static List<String> violations(List<Map<String, Object>> objects) {
        var policy = new WorkloadPolicy();
        for (Map<String, Object> object : objects) {
            String kind = String.valueOf(object.get("kind"));
            if (WORKLOAD_KINDS.contains(kind)) {
                policy.workload(object);
            }
            switch (kind) {
                case "Secret" ->
                    policy.fail(name(object), "a Secret is in the manifests; create it apart and reference it");
                case "ConfigMap" -> at(object, "data").keySet()
                    .stream()
                    .filter(k -> SECRET_NAME.matcher(k).matches())
                    .forEach(k -> policy.fail(name(object), "ConfigMap key " + k + " looks like a secret"));
                case "Elasticsearch" -> list(at(object, "spec").get("nodeSets"))
                    .forEach(nodeSet -> list(at(map(nodeSet), "podTemplate", "spec").get("containers"))
                        .forEach(container -> policy.resources(name(object) + " nodeSet " + map(nodeSet).get("name"),
                                map(container))));
                case "Cluster", "Keycloak" -> policy.resources(name(object), at(object, "spec"));
                case "KeycloakRealmImport" -> policy.realm(name(object), at(object, "spec", "realm"));
                default -> {
                }
            }
            policy.noInlineCredentials(name(object), object, "");
        }
        return policy.violations;
    }

    private void workload(Map<String, Object> object) {
        String workload = name(object);
        Map<String, Object> template = "CronJob".equals(object.get("kind"))
                ? at(object, "spec", "jobTemplate", "spec", "template") : at(object, "spec", "template");
        Map<String, Object> pod = at(template, "spec");
        Map<String, Object> podSecurity = map(pod.get("securityContext"));
        if (Boolean.TRUE.equals(pod.get("hostNetwork")) || Boolean.TRUE.equals(pod.get("hostPID"))
                || Boolean.TRUE.equals(pod.get("hostIPC"))) {
            fail(workload, "shares a host namespace");
        }
        List<Object> containers = list(pod.get("containers"));
        if (containers.isEmpty()) {
            fail(workload, "has no containers");
        }
        List<Object> all = new ArrayList<>(containers);
        all.addAll(list(pod.get("initContainers")));
        for (Object item : all) {
            Map<String, Object> container = map(item);
            String where = workload + " container " + container.get("name");
            Map<String, Object> security = map(container.get("securityContext"));
            if (!Boolean.TRUE.equals(security.getOrDefault("runAsNonRoot", podSecurity.get("runAsNonRoot")))) {
                fail(where, "does not set runAsNonRoot: true");
            }
            Object user = security.getOrDefault("runAsUser", podSecurity.get("runAsUser"));
            if (user instanceof Number number && number.longValue() == 0) {
                fail(where, "runs as uid 0");
            }
            if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))) {
                fail(where, "does not set readOnlyRootFilesystem: true");
            }
            if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
                fail(where, "does not set allowPrivilegeEscalation: false");
            }
            if (Boolean.TRUE.equals(security.get("privileged"))) {
                fail(where, "is privileged");
            }
            if (!list(at(security, "capabilities").get("drop")).contains("ALL")) {
                fail(where, "does not drop ALL capabilities");
            }
            if (!list(at(security, "capabilities").get("add")).isEmpty()) {
                fail(where, "adds capabilities");
            }
            Object seccomp = map(security.getOrDefault("seccompProfile", podSecurity.get("seccompProfile")))
                .get("type");
            if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
                fail(where, "has no RuntimeDefault seccomp profile");
            }
            resources(where, container);
            env(where, container);
        }
        for (Object item : containers) {
            Map<String, Object> container = map(item);
            String where = workload + " container " + container.get("name");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                if (map(container.get(probe)).isEmpty()) {
                    fail(where, "has no " + probe);
                }
            }
        }
    }

    /**
     * Client secrets stay placeholders (resolved from Secrets at import) and no user has
     * a password.
     */
    private void realm(String where, Map<String, Object> realm) {
        list(realm.get("clients")).stream().map(DeployFiles::map).forEach(client -> {
            Object secret = client.get("secret");
            if (secret != null && !String.valueOf(secret).matches("\\$\\{[A-Z_]+}")) {
                fail(where, "client " + client.get("clientId") + " has its secret inline");
            }
        });
        list(realm.get("users")).stream()
            .map(DeployFiles::map)
            .filter(user -> user.containsKey("credentials"))
            .forEach(user -> fail(where, "user " + user.get("username") + " has credentials"));
    }

    /**
     * {@code holder} has {@code resources} with cpu and memory in both requests and
     * limits.
     */
    private void resources(String where, Map<String, Object> holder) {
        Map<String, Object> resources = map(holder.get("resources"));
        for (String bound : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (map(resources.get(bound)).get(resource) == null) {
                    fail(where, "has no " + resource + " in resources." + bound);
                }
            }
        }
    }

    private void env(String where, Map<String, Object> container) {
        for (Object item : list(container.get("env"))) {
            Map<String, Object> variable = map(item);
            String name = String.valueOf(variable.get("name"));
            if (SECRET_NAME.matcher(name).matches() && !map(variable.get("valueFrom")).containsKey("secretKeyRef")) {
                fail(where, "env " + name + " is a secret but not a secretKeyRef");
            }
        }
        if (!list(container.get("envFrom")).stream()
            .allMatch(source -> map(source).containsKey("secretRef") || map(source).containsKey("configMapRef"))) {
            fail(where, "has an envFrom that is neither a Secret nor a ConfigMap");
        }
    }

    /**
     * Any string under a secret-looking key is an inline credential, unless it is a
     * reference (a Secret's name under a key such as {@code secretName}/{@code secret})
     * or a placeholder that the consumer resolves from a Secret
     * ({@code ${LAUNCHPAD_SERVICES_SECRET}} in the realm).
     */
    private void noInlineCredentials(String where, Object value, String path) {
        if (path.equals(".spec.realm")) {
            return; // the realm's own keys (access.token.claim, ...) are no credentials;
                    // realm() checks it
        }
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> entry : m.entrySet()) {
                String key = String.valueOf(entry.getKey());
                String child = path + "." + key;
                if (entry.getValue() instanceof String text && SECRET_NAME.matcher(key).matches()
                        && !isReference(key, path) && !(text.startsWith("${") && text.endsWith("}"))) {
                    fail(where, child.substring(1) + " holds a value inline");
                }
                noInlineCredentials(where, entry.getValue(), child);
            }
        }
        else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                noInlineCredentials(where, l.get(i), path + "[" + i + "]");
            }
        }
    }

    /** Keys that name a Secret rather than hold one. */
    private static boolean isReference(String key, String path) {
        return key.equals("secretName") || key.equals("tlsSecret")
                || (key.equals("secret") && path.endsWith(".bootstrapAdmin.user"));
    }

    private void fail(String where, String what) {
        violations.add(where + ": " + what);
    }

}
