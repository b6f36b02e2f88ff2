package io.launchpad.infra.esnode;

import java.util.Optional;

/**
 * Ends this JVM when the process that started it ends, however that happens (a test run
 * killed with -9, an IDE stop button), so no node is ever left holding ports and memory.
 * System.exit runs the shutdown hook that closes the node cleanly.
 */
final class ParentProcessWatch {

    private ParentProcessWatch() {
    }

    static void exitWhenGone(long parentPid) {
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid).filter(ProcessHandle::isAlive);
        if (parent.isEmpty()) {
            System.err.println("Parent process " + parentPid + " is not running; not starting Elasticsearch");
            System.exit(3);
        }
        parent.get().onExit().thenRun(() -> {
            System.err.println("Parent process " + parentPid + " ended; stopping Elasticsearch");
            System.exit(0);
        });
    }

}
