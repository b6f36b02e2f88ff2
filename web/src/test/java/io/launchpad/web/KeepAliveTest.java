package io.launchpad.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The HTTP server the web and the API run on (Reactor Netty, as Boot configures it) must
 * go on reading a kept-alive connection. A browser sends its next request on the
 * connection the last page came on, sometimes before the server has finished with that
 * page; the request waits in a queue. Reactor Netty 1.3.6 stopped reading the connection
 * when the queued request was answered at once (reactor-netty #4347), as the packaged web
 * answers a stylesheet from its jar: the browser's next request then waited until the
 * connection closed, and browser journeys stalled in CI. The parent pom's
 * {@code reactor-bom.version} brings the release that fixed it; this test fails on 1.3.6.
 */
class KeepAliveTest {

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");

    private DisposableServer server;

    @BeforeEach
    void serve() {
        server = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle((request, response) -> response.sendString(request.uri().equals("/page")
                    // a page that waits for the API
                    ? Mono.delay(Duration.ofMillis(100)).thenReturn("page")
                    // a stylesheet read synchronously from the jar
                    : Mono.just("stylesheet")))
            .bindNow(Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        server.disposeNow();
    }

    @Test
    void aConnectionGoesOnAnsweringAfterARequestQueuedBehindASlowOne() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            StringBuilder received = new StringBuilder();
            send(socket, request("/page") + request("/css/site.css"));
            assertThat(readUntil(socket, received, 2)).as("answers to the page and the request queued behind it")
                .isEqualTo(2);
            send(socket, request("/js/next.js"));
            assertThat(readUntil(socket, received, 3)).as("answers on the same connection afterwards").isEqualTo(3);
            assertThat(statuses(received)).containsExactly("200", "200", "200");
        }
    }

    private static String request(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    }

    private static void send(Socket socket, String requests) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(requests.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * Reads until {@code wanted} responses have begun, or the socket's timeout: how many
     * there were.
     */
    private static int readUntil(Socket socket, StringBuilder received, int wanted) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            while (statuses(received).size() < wanted) {
                int read = in.read(buffer);
                if (read < 0) {
                    break;
                }
                received.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
            }
        }
        catch (SocketTimeoutException stalled) {
            // the count returned says what arrived
        }
        return statuses(received).size();
    }

    private static List<String> statuses(CharSequence received) {
        Matcher matcher = STATUS_LINE.matcher(received);
        List<String> statuses = new ArrayList<>();
        while (matcher.find()) {
            statuses.add(matcher.group(1));
        }
        return statuses;
    }

}
