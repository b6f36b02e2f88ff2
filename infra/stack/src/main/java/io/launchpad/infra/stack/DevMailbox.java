package io.launchpad.infra.stack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jakarta.mail.Address;
import java.util.Comparator;

/**
 * A read-only web page listing every email the stack's GreenMail received (sign-up and
 * password emails from Keycloak, notifications from the API), so someone trying the
 * product can follow "confirm your email" without a real mailbox. Bound to 127.0.0.1
 * only; it has no forms and changes nothing.
 */
public final class DevMailbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DevMailbox.class);

    private static final Pattern MESSAGE = Pattern.compile("/messages/(\\d{1,9})(/html)?");

    private final HttpServer server;

    private final MailServer mail;

    private DevMailbox(HttpServer server, MailServer mail) {
        this.server = server;
        this.mail = mail;
    }

    /** Port 0 picks a free one. */
    public static DevMailbox start(MailServer mail, int port) {
        try {
            HttpServer server = HttpServer
                .create(new InetSocketAddress(InetAddress.getLoopbackAddress(), FreePorts.orFree(port)), 0);
            DevMailbox mailbox = new DevMailbox(server, mail);
            server.createContext("/", mailbox::handle);
            server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "dev-mailbox");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            log.info("Dev mailbox ready at {}", mailbox.baseUrl());
            return mailbox;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot start the dev mailbox on port " + port, e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain", "Read only", null);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            List<MailboxPages.Mail> all = mails();
            if (path.equals("/")) {
                send(exchange, 200, "text/html", MailboxPages.list(all.reversed()), MailboxPages.PAGE_POLICY);
                return;
            }
            Matcher message = MESSAGE.matcher(path);
            Optional<MailboxPages.Mail> found = message.matches()
                    ? all.stream().filter(m -> m.id() == Integer.parseInt(message.group(1))).findFirst()
                    : Optional.empty();
            if (found.isEmpty()) {
                send(exchange, 404, "text/plain", "No such email", null);
            }
            else if (message.group(2) != null) {
                // the email's own HTML, as it was sent: only ever as a sandboxed document
                // (see BODY_POLICY)
                send(exchange, 200, "text/html", found.get().html(), MailboxPages.BODY_POLICY);
            }
            else {
                send(exchange, 200, "text/html", MailboxPages.message(found.get()), MailboxPages.PAGE_POLICY);
            }
        }
        catch (RuntimeException e) {
            log.warn("Dev mailbox could not answer {}: {}", exchange.getRequestURI(), e.toString());
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body, @Nullable String policy)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type + "; charset=utf-8");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cache-Control", "no-store");
        if (policy != null) {
            headers.set("Content-Security-Policy", policy);
        }
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /**
     * Every message received so far, in the order received; the id is its place in that
     * order. GreenMail lists messages mailbox by mailbox, so a new email to one person
     * used to shift the ids of another's; sorted by the time received (a stable sort), an
     * earlier email keeps its id when later ones arrive.
     */
    List<MailboxPages.Mail> mails() {
        MimeMessage[] messages = mail.messages().clone();
        Arrays.sort(messages,
                Comparator.comparing(DevMailbox::receivedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        List<MailboxPages.Mail> mails = new ArrayList<>(messages.length);
        for (int i = 0; i < messages.length; i++) {
            mails.add(read(i + 1, messages[i]));
        }
        return mails;
    }

    private static @Nullable Instant receivedAt(MimeMessage message) {
        try {
            return message.getReceivedDate() != null ? message.getReceivedDate().toInstant()
                    : message.getSentDate() != null ? message.getSentDate().toInstant() : null;
        }
        catch (Exception e) {
            return null;
        }
    }

    static MailboxPages.Mail read(int id, MimeMessage message) {
        try {
            Instant received = message.getReceivedDate() != null ? message.getReceivedDate().toInstant()
                    : message.getSentDate() != null ? message.getSentDate().toInstant() : null;
            String[] parts = { "", "" };
            collectParts(message, parts);
            return new MailboxPages.Mail(id, received, addresses(message.getFrom()),
                    addresses(message.getRecipients(Message.RecipientType.TO)),
                    message.getSubject() == null ? "" : message.getSubject(), parts[0], parts[1]);
        }
        catch (MessagingException | IOException e) {
            return new MailboxPages.Mail(id, null, "", "", "(unreadable: " + e.getMessage() + ")", "", "");
        }
    }

    /**
     * The first text/plain part into parts[0] and the first text/html part into parts[1],
     * however nested.
     */
    private static void collectParts(Part part, String[] parts) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && parts[0].isEmpty()
                && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            parts[0] = text(part);
        }
        else if (part.isMimeType("text/html") && parts[1].isEmpty()) {
            parts[1] = text(part);
        }
        else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collectParts(child, parts);
            }
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String string) {
            return string;
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String addresses(Address[] addresses) {
        if (addresses == null) {
            return "";
        }
        return Arrays.stream(addresses)
            .map(address -> address instanceof InternetAddress internet ? internet.toUnicodeString()
                    : address.toString())
            .collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
