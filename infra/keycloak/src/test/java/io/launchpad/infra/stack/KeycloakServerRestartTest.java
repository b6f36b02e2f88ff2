package io.launchpad.infra.stack;

import static io.launchpad.infra.stack.KeycloakTestSupport.PASSWORD;
import static io.launchpad.infra.stack.KeycloakTestSupport.S256_CHALLENGE;
import static io.launchpad.infra.stack.KeycloakTestSupport.authorize;
import static io.launchpad.infra.stack.KeycloakTestSupport.claims;
import static io.launchpad.infra.stack.KeycloakTestSupport.get;
import static io.launchpad.infra.stack.KeycloakTestSupport.rssMegabytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.UncheckedIOException;

/**
 * Keycloak must not outlive whoever started it (a killed test run or run command), and a
 * second start on the same folder must reuse the database rather than import a new realm.
 */
class KeycloakServerRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void stopsWithItsOwnerAndRestartsOnTheSameDatabase() throws Exception {
        Map<Path, FileTime> distributionBefore = builtFiles();
        // a stand-in for our JVM, killed with SIGKILL so no shutdown hook can help
        Process owner = new ProcessBuilder("sleep", "600").start();
        String firstKeyId;
        ProcessHandle firstJava;
        try (KeycloakServer first = KeycloakServer.start(dataDir, 0, List.of(), owner.pid())) {
            firstJava = ProcessHandle.of(first.pid()).orElseThrow();
            firstKeyId = signingKeyId(first);

            owner.destroyForcibly().waitFor();

            assertThat(firstJava.onExit().completeOnTimeout(null, 60, TimeUnit.SECONDS).get())
                .as("Keycloak exits once its owner is gone")
                .isNotNull();
            assertThat(firstJava.isAlive()).isFalse();
        }
        finally {
            owner.destroyForcibly();
        }

        String extraWebBaseUrl = "http://127.0.0.1:" + FreePorts.pick();
        long started = System.nanoTime();
        try (KeycloakServer repeat = KeycloakServer.start(dataDir, 0, List.of(extraWebBaseUrl))) {
            System.out.printf(Locale.ROOT, "Keycloak repeat start: %.1f s, Java process RSS %d MB%n",
                    (System.nanoTime() - started) / 1e9, rssMegabytes(repeat.pid()));

            assertThat(signingKeyId(repeat)).as("realm keys kept in the database").isEqualTo(firstKeyId);
            assertThat(Files.readString(repeat.logFile())).doesNotContain("Realm 'launchpad' imported");
            assertThat(claims(repeat.passwordGrantToken("amara.okafor", PASSWORD)).get("iss"))
                .isEqualTo(repeat.issuerUri());
            HttpResponse<String> signIn = authorize(repeat, "launchpad-web",
                    extraWebBaseUrl + "/login/oauth2/code/keycloak",
                    "&code_challenge=" + S256_CHALLENGE + "&code_challenge_method=S256");
            assertThat(signIn.statusCode()).as("redirect URI added to the existing realm").isEqualTo(200);
            // issue 12: the existing realm keeps sign-up on the Launchpad theme, linking
            // to this run's web address
            assertThat(signIn.body()).contains("id=\"kc-register\"")
                .contains("id=\"kc-forgot-password\"")
                .contains("<a class=\"brand\" href=\"" + extraWebBaseUrl + "/\">");
        }
        assertThat(builtFiles()).as("the shared distribution is left as built").isEqualTo(distributionBefore);
    }

    private static String signingKeyId(KeycloakServer keycloak) {
        String jwks = get(keycloak.issuerUri() + "/protocol/openid-connect/certs").body();
        String kid = (String) claimsOfHeader(keycloak.passwordGrantToken("chidi.eze", PASSWORD)).get("kid");
        assertThat(jwks).contains(kid);
        return kid;
    }

    private static Map<String, Object> claimsOfHeader(String jwt) {
        String[] parts = jwt.split("\\.");
        // the header is JSON like the payload: reuse the payload decoder on a token with
        // the parts swapped
        return claims(parts[1] + "." + parts[0] + "." + parts[2]);
    }

    private static Map<Path, FileTime> builtFiles() throws IOException {
        try (Stream<Path> files = Files.walk(KeycloakServer.distribution().resolve("lib/quarkus"))) {
            return files.collect(Collectors.toMap(file -> file, file -> {
                try {
                    return Files.getLastModifiedTime(file);
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
    }

}
