package io.launchpad.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production realm, derived from the one realm file (infra/keycloak/realm) that
 * development and the tests import. Production must not get what only they need: the demo
 * people with their shared password, the password-grant test client, redirects to
 * 127.0.0.1. Service-account users stay (they carry the service clients' roles); client
 * secrets stay placeholders, resolved from Secrets when Keycloak imports the realm.
 */
final class ProductionRealm {

    static final Path SOURCE = DeployFiles.REPOSITORY.resolve("infra/keycloak/realm/launchpad-realm.json");
    static final Path COMPOSE_REALM = DeployFiles.MODULE.resolve("compose/keycloak/launchpad-realm.json");
    static final Path REALM_IMPORT = DeployFiles.MODULE.resolve("k8s/base/keycloak/realm-import.yaml");

    static final String TEST_CLIENT = "launchpad-test";
    static final String WEB_CLIENT = "launchpad-web";

    /** realm placeholder -> key in the Secret launchpad-keycloak-clients */
    static final Map<String, String> SECRET_PLACEHOLDERS = Map.of("LAUNCHPAD_SERVICES_SECRET", "services-secret",
            "LAUNCHPAD_ACCOUNT_ADMIN_SECRET", "account-admin-secret");

    /**
     * where the realm import finds every other placeholder's value (the operator reads
     * placeholders from Secrets only)
     */
    static final String SETTINGS_SECRET = "launchpad-keycloak-settings";

    /**
     * ${NAME} or ${NAME:default}, as Keycloak's import resolves them from the environment
     */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(:[^}]*)?}");

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ProductionRealm() {
    }

    /**
     * The realm with development-only parts removed and the web client redirecting to
     * {@code webRedirect}.
     */
    static Map<String, Object> realm(String webRedirect) {
        Map<String, Object> realm = read();
        List<Object> users = new ArrayList<>();
        for (Object user : DeployFiles.list(realm.get("users"))) {
            if (DeployFiles.map(user).containsKey("serviceAccountClientId")) {
                users.add(user);
            }
        }
        realm.put("users", users);
        List<Object> clients = new ArrayList<>();
        for (Object client : DeployFiles.list(realm.get("clients"))) {
            Map<String, Object> c = DeployFiles.map(client);
            if (TEST_CLIENT.equals(c.get("clientId"))) {
                continue;
            }
            if (WEB_CLIENT.equals(c.get("clientId"))) {
                c.put("redirectUris", List.of(webRedirect));
            }
            clients.add(c);
        }
        realm.put("clients", clients);
        // browsers only ever reach Keycloak over HTTPS in production (TLS ends at the
        // proxy)
        realm.put("sslRequired", "external");
        @SuppressWarnings("unchecked")
        Map<String, Object> withoutDefaults = (Map<String, Object>) withoutDefaults(realm);
        return withoutDefaults;
    }

    /**
     * Development defaults of placeholders (${LAUNCHPAD_SMTP_HOST:127.0.0.1}) point at
     * the developer's machine: production drops them, so each value must be provided.
     */
    private static Object withoutDefaults(Object value) {
        if (value instanceof String text) {
            return PLACEHOLDER.matcher(text).replaceAll(m -> Matcher.quoteReplacement("${" + m.group(1) + "}"));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), withoutDefaults(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ProductionRealm::withoutDefaults).toList();
        }
        return value;
    }

    /** The names of the placeholders a realm uses, sorted. */
    static SortedSet<String> placeholders(Map<String, Object> realm) {
        SortedSet<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(JSON.writeValueAsString(realm));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * For compose: Keycloak's import resolves ${LAUNCHPAD_WEB_URL} from its environment.
     */
    static String composeRealm() {
        return JSON.writeValueAsString(realm("${LAUNCHPAD_WEB_URL}/*")) + "\n";
    }

    /**
     * For the Keycloak Operator: a KeycloakRealmImport whose placeholders come from
     * Secrets. The redirect is an example here; kustomize replaces it from the
     * launchpad-urls ConfigMap.
     */
    static String realmImport() {
        Map<String, Object> realm = realm("https://launchpad.example.org/*");
        Map<String, Object> placeholders = new LinkedHashMap<>();
        for (String name : placeholders(realm)) {
            // client secrets from launchpad-keycloak-clients; any other setting the realm
            // asks for from launchpad-keycloak-settings
            placeholders.put(name, Map.of("secret",
                    SECRET_PLACEHOLDERS.containsKey(name)
                            ? orderedMap("name", "launchpad-keycloak-clients", "key", SECRET_PLACEHOLDERS.get(name))
                            : orderedMap("name", SETTINGS_SECRET, "key", name)));
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("keycloakCRName", "launchpad-keycloak");
        spec.put("placeholders", placeholders);
        spec.put("realm", realm);
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        resource.put("kind", "KeycloakRealmImport");
        resource.put("metadata", Map.of("name", "launchpad-realm"));
        resource.put("spec", spec);
        var options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndentWithIndicator(true);
        options.setIndicatorIndent(2);
        options.setWidth(120);
        return """
                # GENERATED from infra/keycloak/realm/launchpad-realm.json by ProductionRealm (infra/deploy tests):
                # without the demo people and the test client. Regenerate with -Ddeploy.update=true (infra/deploy/README.md).
                # Keycloak imports a realm once; later changes to an existing realm go through its admin API.
                """
                + new Yaml(options).dump(resource);
    }

    private static Map<String, Object> read() {
        try {
            return JSON.readValue(Files.readString(SOURCE), new TypeReference<LinkedHashMap<String, Object>>() {
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> orderedMap(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

}
