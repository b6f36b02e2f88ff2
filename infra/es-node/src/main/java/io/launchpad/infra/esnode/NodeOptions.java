package io.launchpad.infra.esnode;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What the launcher is told on its command line:
 * {@code --home DIR --http-port N --transport-port N [--parent-pid PID] [-Ename=value ...]}.
 * Each option may also come as a system property ({@code launchpad.es.home},
 * {@code launchpad.es.http-port}, {@code launchpad.es.transport-port},
 * {@code launchpad.es.parent-pid}); the command line wins. {@code -E} adds or overrides
 * an Elasticsearch setting, as with Elasticsearch's own launcher.
 */
record NodeOptions(Path home, int httpPort, int transportPort, OptionalLong parentPid,
        Map<String, String> extraSettings) {

    static NodeOptions parse(String... args) {
        Map<String, String> named = new LinkedHashMap<>();
        Map<String, String> extra = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("-E")) {
                String setting = arg.substring(2);
                int equals = setting.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("expected -Ename=value, got " + arg);
                }
                extra.put(setting.substring(0, equals), setting.substring(equals + 1));
            }
            else if (arg.startsWith("--") && i + 1 < args.length) {
                named.put(arg.substring(2), args[++i]);
            }
            else {
                throw new IllegalArgumentException("unexpected argument " + arg + "; usage: " + usage());
            }
        }
        String home = option(named, "home");
        String httpPort = option(named, "http-port");
        String transportPort = option(named, "transport-port");
        String parentPid = option(named, "parent-pid");
        if (home == null || httpPort == null || transportPort == null) {
            throw new IllegalArgumentException("missing options; usage: " + usage());
        }
        return new NodeOptions(Path.of(home).toAbsolutePath().normalize(), Integer.parseInt(httpPort),
                Integer.parseInt(transportPort),
                parentPid == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(parentPid)),
                Map.copyOf(extra));
    }

    private static String option(Map<String, String> named, String name) {
        String value = named.remove(name);
        return value != null ? value : System.getProperty("launchpad.es." + name);
    }

    private static String usage() {
        return "--home DIR --http-port N --transport-port N [--parent-pid PID] [-Ename=value ...]";
    }
}
