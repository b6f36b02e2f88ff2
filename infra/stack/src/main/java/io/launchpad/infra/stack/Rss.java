package io.launchpad.infra.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size of a process, from /proc (Linux). */
public final class Rss {

    private Rss() {
    }

    public static long kib(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status"))
                .stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> line.replaceAll("[^0-9]", ""))
                .mapToLong(Long::parseLong)
                .findFirst()
                .orElse(0);
        }
        catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

}
