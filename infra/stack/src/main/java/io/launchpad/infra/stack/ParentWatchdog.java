package io.launchpad.infra.stack;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a command in a shell that ends it when this JVM ends. Shutdown hooks do not run
 * when a test JVM or the run command is killed hard, and a leftover server would hold its
 * port.
 */
final class ParentWatchdog {

    private static final String SCRIPT = """
            parent=$1; shift
            "$@" &
            child=$!
            trap 'kill -TERM "$child" 2>/dev/null' TERM INT HUP
            while kill -0 "$parent" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1; done
            kill -TERM "$child" 2>/dev/null
            wait "$child"
            """;

    private ParentWatchdog() {
    }

    static List<String> command(String... command) {
        return command(ProcessHandle.current().pid(), command);
    }

    /** Ends the command when process {@code ownerPid} ends. */
    static List<String> command(long ownerPid, String... command) {
        List<String> wrapped = new ArrayList<>(
                List.of("sh", "-c", SCRIPT, "launchpad-watchdog", Long.toString(ownerPid)));
        wrapped.addAll(List.of(command));
        return wrapped;
    }

}
