package io.launchpad.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external validator (yamllint, docker-compose, node) and keeps what it printed.
 */
record Tool(int exitCode, String output) {

    static Tool run(Path directory, String... command) {
        var builder = new ProcessBuilder(List.of(command)).directory(directory.toFile()).redirectErrorStream(true);
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 2 minutes");
            }
            return new Tool(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            // a missing tool must fail the build loudly, never skip the check
            throw new AssertionError(command[0] + " could not be run (" + e.getMessage() + "): .ci/run installs it"
                    + " (apt-get install -y yamllint docker-compose nodejs npm)", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
