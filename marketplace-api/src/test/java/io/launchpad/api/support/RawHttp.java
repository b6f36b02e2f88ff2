package io.launchpad.api.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.io.BufferedInputStream;

/**
 * One HTTP/1.1 connection over a plain socket, for requests no HTTP client will send as
 * written (bad percent-encoding, oversized lines and headers) and for watching what
 * happens to a kept-alive connection between requests. Reads answers framed by
 * Content-Length, chunked, or by the close.
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;

    private final InputStream in;

    private final OutputStream out;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    public static RawHttp connect(int port, Duration readTimeout) {
        try {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout((int) readTimeout.toMillis());
            socket.setTcpNoDelay(true);
            return new RawHttp(socket);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Builds a request with {@code Host} and, when there is a body,
     * {@code Content-Length}.
     */
    public static String request(String method, String target, Map<String, String> headers, String body) {
        StringBuilder text = new StringBuilder(method).append(' ')
            .append(target)
            .append(" HTTP/1.1\r\n")
            .append("Host: 127.0.0.1\r\n");
        headers.forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            text.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
        }
        text.append("\r\n");
        if (body != null) {
            text.append(body);
        }
        return text.toString();
    }

    public RawHttp send(String request) {
        try {
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return this;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the status line and headers only (for a stream whose body never ends). */
    public Response readHead() {
        try {
            String statusLine = line();
            if (statusLine == null) {
                throw new IllegalStateException("connection closed before an answer");
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String line = line(); line != null && !line.isEmpty(); line = line()) {
                int colon = line.indexOf(':');
                headers
                    .computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
            }
            return new Response(status, headers, "");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one whole answer; a read timeout means the server left the connection
     * stalled.
     */
    public Response read() {
        Response head = readHead();
        try {
            byte[] body;
            String length = head.header("content-length");
            if (length != null) {
                body = in.readNBytes(Integer.parseInt(length));
            }
            else if ("chunked".equalsIgnoreCase(head.header("transfer-encoding"))) {
                ByteArrayOutputStream chunks = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0; size = Integer
                    .parseInt(line().split(";")[0].trim(), 16)) {
                    chunks.write(in.readNBytes(size));
                    line();
                }
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // trailers are not used by the API
                }
                body = chunks.toByteArray();
            }
            else if (head.closes()) {
                body = in.readAllBytes();
            }
            else {
                body = new byte[0];
            }
            return new Response(head.status(), head.headers(), new String(body, StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response exchange(String request) {
        return send(request).read();
    }

    /**
     * True when the server closes its side within the read timeout (nothing more
     * arrives).
     */
    public boolean closedByServer() {
        try {
            return in.read() == -1;
        }
        catch (SocketTimeoutException e) {
            return false;
        }
        catch (IOException e) {
            return true; // reset by the server counts as closed
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Response(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public boolean closes() {
            String connection = header("connection");
            return connection != null && connection.equalsIgnoreCase("close");
        }
    }

}
