package io.launchpad.api.contract;

import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.support.ApiTestBase;
import io.launchpad.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guide's examples work: every {@code ```sh} block of docs/api-guide.md runs in bash
 * with real curl against this test server ({@code $API}) and a valid token
 * ({@code $TOKEN}), and the last HTTP status it prints must be the block's
 * {@code # expect:}. The guide also lists the whole problem catalogue.
 */
class ApiGuideTest extends ApiTestBase {

    private static final Pattern BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

    private static final Pattern EXPECT = Pattern.compile("^# expect: (\\d{3})", Pattern.MULTILINE);

    private static final Pattern STATUS = Pattern.compile("^HTTP/[0-9.]+ (\\d{3})", Pattern.MULTILINE);

    @LocalServerPort
    int port;

    private static String guide() throws IOException {
        return Files.readString(ContractValidation.committedDocument().resolveSibling("api-guide.md"));
    }

    @Test
    void everyCurlExampleAnswersWhatTheGuideSays() throws Exception {
        String token = TestTokens.user("association").token();
        Matcher blocks = BLOCK.matcher(guide());
        List<String> failures = new ArrayList<>();
        int ran = 0;
        while (blocks.find()) {
            String script = blocks.group(1);
            Matcher expect = EXPECT.matcher(script);
            assertThat(expect.find()).as("every sh block names its # expect: status\n" + script).isTrue();
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", "set -euo pipefail\n" + script)
                .redirectErrorStream(true);
            builder.environment().put("API", "http://127.0.0.1:" + port);
            builder.environment().put("TOKEN", token);
            Process process = builder.start();
            boolean done = process.waitFor(60, TimeUnit.SECONDS);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ran++;
            String last = null;
            Matcher status = STATUS.matcher(output);
            while (status.find()) {
                last = status.group(1);
            }
            if (!done || process.exitValue() != 0 || !expect.group(1).equals(last)) {
                failures.add("expected " + expect.group(1) + " but got " + last + " (exit "
                        + (done ? process.exitValue() : "timeout") + ") from:\n" + script + "\n--- output:\n" + output);
            }
        }
        assertThat(ran).isGreaterThanOrEqualTo(8);
        assertThat(failures).isEmpty();
    }

    @Test
    void theGuideDocumentsEveryProblemType() throws IOException {
        String guide = guide();
        for (ProblemType type : ProblemType.values()) {
            assertThat(guide).as("docs/api-guide.md lists " + type)
                .contains("`" + type.uri() + "` | " + type.status().value());
        }
    }

}
