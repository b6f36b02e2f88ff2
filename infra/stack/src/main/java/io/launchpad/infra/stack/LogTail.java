package io.launchpad.infra.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The last lines of a component's log, for failure messages that say why it did not
 * start.
 */
final class LogTail {

    private LogTail() {
    }

    static String of(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
        catch (IOException | RuntimeException e) {
            return "(no log at " + file + ")";
        }
    }

}
