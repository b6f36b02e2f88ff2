package io.launchpad.infra.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoadBalancerTest {

    @Test
    void theGeneratedConfigIsOneHaproxyAcceptsWithEveryInstanceHealthChecked(@TempDir Path dir) throws Exception {
        Path file = LoadBalancer.writeConfig(dir, 18080, List.of(18091, 18092));
        String config = Files.readString(file);

        Process check = new ProcessBuilder("/usr/sbin/haproxy", "-c", "-f", file.toString()).redirectErrorStream(true)
            .start();
        String output = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor()).as(output).isZero();
        assertThat(config).contains("bind 127.0.0.1:18080", "server api1 127.0.0.1:18091 check",
                "server api2 127.0.0.1:18092 check", "option httpchk GET /actuator/health/readiness",
                "errorfile 503 " + dir.resolve("503.http"));
        assertThat(Files.readString(dir.resolve("503.http"))).startsWith("HTTP/1.1 503")
            .contains("application/problem+json");
    }

}
