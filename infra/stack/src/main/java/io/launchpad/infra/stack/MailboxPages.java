package io.launchpad.infra.stack;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dev mailbox's HTML, kept apart from the HTTP server so its escaping is tested in a
 * millisecond. Everything taken from an email (addresses, subject, bodies, links) is text
 * to these pages: it is escaped, an HTML body is only ever shown inside a sandboxed
 * frame, and only http(s) links are made clickable.
 */
final class MailboxPages {

    /**
     * One received email, as the pages show it. {@code text} and {@code html} are empty
     * when the part is missing.
     */
    record Mail(int id, @Nullable Instant received, String from, String to, String subject, String text, String html) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss", Locale.UK)
        .withZone(ZoneId.systemDefault());

    private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>()\\[\\]]+");

    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*(\"([^\"]*)\"|'([^']*)')",
            Pattern.CASE_INSENSITIVE);

    /** The page's own rules: no script at all, frames only from the mailbox itself. */
    static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /**
     * An email's HTML body, even when opened on its own: a sandboxed, script-free
     * document that loads nothing from anywhere (no tracking images), whose links may
     * only navigate the top window on a click.
     */
    static final String BODY_POLICY = "sandbox allow-top-navigation-by-user-activation; default-src 'none'; "
            + "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.0625rem;\
            line-height:1.5;color:#1b1b1b;margin:0}\
            header{background:#1d4f91;color:#fff;padding:.75rem 1rem}header a{color:#fff;font-weight:700}\
            main{max-width:60rem;margin:0 auto;padding:1rem}a{color:#1a4d8f}\
            a:focus-visible{outline:3px solid #ffdd00;box-shadow:0 0 0 6px #1b1b1b}\
            table{border-collapse:collapse;width:100%}th,td{text-align:left;border-bottom:1px solid #b1b4b6;\
            padding:.4rem .5rem;vertical-align:top;overflow-wrap:break-word}\
            pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f3f2f1;padding:1rem}\
            iframe{width:100%;height:32rem;border:1px solid #b1b4b6}dt{font-weight:600}dd{margin:0 0 .5rem}\
            .links li{overflow-wrap:anywhere;margin-bottom:.4rem}\
            @media (max-width:40rem){thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}\
            tr{display:block;border-bottom:1px solid #b1b4b6;padding:.4rem 0}td{display:block;border:0;padding:.1rem 0}\
            td::before{content:attr(data-label) ": ";font-weight:600}}""";

    private MailboxPages() {
    }

    static String list(List<Mail> newestFirst) {
        StringBuilder html = page("Dev mailbox", "Dev mailbox");
        html.append(
                "<p>Every email the run's mail server (GreenMail) received, newest first. Nothing here left this machine.</p>\n");
        if (newestFirst.isEmpty()) {
            html.append("<p data-testid=\"mailbox-empty\">No emails yet.</p>\n");
        }
        else {
            html.append("<table data-testid=\"mailbox\"><caption class=\"visually-hidden\">Emails received</caption>\n")
                .append("<thead><tr><th scope=\"col\">Received</th><th scope=\"col\">To</th>")
                .append("<th scope=\"col\">Subject</th></tr></thead>\n<tbody>\n");
            for (Mail mail : newestFirst) {
                html.append("<tr data-testid=\"mailbox-item\"><td data-label=\"Received\">")
                    .append(escape(time(mail.received())))
                    .append("</td><td data-label=\"To\">")
                    .append(escape(mail.to()))
                    .append("</td><td data-label=\"Subject\"><a href=\"/messages/")
                    .append(mail.id())
                    .append("\">")
                    .append(escape(mail.subject().isBlank() ? "(no subject)" : mail.subject()))
                    .append("</a></td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        return end(html);
    }

    static String message(Mail mail) {
        String subject = mail.subject().isBlank() ? "(no subject)" : mail.subject();
        StringBuilder html = page(subject + " – Dev mailbox", subject);
        html.append("<p><a href=\"/\">All emails</a></p>\n<dl>")
            .append("<dt>Received</dt><dd>")
            .append(escape(time(mail.received())))
            .append("</dd>")
            .append("<dt>From</dt><dd>")
            .append(escape(mail.from()))
            .append("</dd>")
            .append("<dt>To</dt><dd data-testid=\"mail-to\">")
            .append(escape(mail.to()))
            .append("</dd></dl>\n");
        List<String> links = links(mail);
        if (!links.isEmpty()) {
            html.append("<h2>Links in this email</h2>\n<ul class=\"links\" data-testid=\"mail-links\">\n");
            for (String link : links) {
                html.append("<li><a href=\"")
                    .append(escape(link))
                    .append("\" rel=\"noreferrer\">")
                    .append(escape(link))
                    .append("</a></li>\n");
            }
            html.append("</ul>\n");
        }
        if (!mail.html().isBlank()) {
            html.append("<h2>HTML part</h2>\n<iframe sandbox=\"allow-top-navigation-by-user-activation\" ")
                .append("referrerpolicy=\"no-referrer\" title=\"The email's HTML part\" src=\"/messages/")
                .append(mail.id())
                .append("/html\" data-testid=\"mail-html\"></iframe>\n");
        }
        if (!mail.text().isBlank()) {
            html.append("<h2>Plain-text part</h2>\n<pre data-testid=\"mail-text\">")
                .append(linkified(mail.text()))
                .append("</pre>\n");
        }
        return end(html);
    }

    /**
     * The http(s) links of both parts, in order, each once: from the HTML's hrefs, then
     * from the text.
     */
    static List<String> links(Mail mail) {
        Set<String> links = new LinkedHashSet<>();
        Matcher href = HREF.matcher(mail.html());
        while (href.find()) {
            String value = unescapeAttribute(href.group(2) != null ? href.group(2) : href.group(3)).strip();
            if (URL.matcher(value).matches()) {
                links.add(value);
            }
        }
        Matcher url = URL.matcher(mail.text());
        while (url.find()) {
            links.add(mail.text().substring(url.start(), urlEnd(mail.text(), url)));
        }
        return List.copyOf(links);
    }

    /** The plain text escaped, with its http(s) addresses as links. */
    static String linkified(String text) {
        StringBuilder out = new StringBuilder();
        Matcher url = URL.matcher(text);
        int last = 0;
        while (url.find()) {
            String link = text.substring(url.start(), urlEnd(text, url));
            out.append(escape(text.substring(last, url.start())))
                .append("<a href=\"")
                .append(escape(link))
                .append("\" rel=\"noreferrer\">")
                .append(escape(link))
                .append("</a>");
            last = url.start() + link.length();
        }
        return out.append(escape(text.substring(last))).toString();
    }

    /**
     * Where a URL found in prose ends: a full stop or comma after it belongs to the
     * sentence.
     */
    private static int urlEnd(String text, Matcher url) {
        int end = url.end();
        while (end > url.start() && ".,;:!?".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String unescapeAttribute(String value) {
        return value.replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&#61;", "=")
            .replace("&amp;", "&");
    }

    private static String time(@Nullable Instant received) {
        return received == null ? "unknown" : TIME.format(received);
    }

    private static StringBuilder page(String title, String heading) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .append(escape(title))
            .append("</title>\n<style>")
            .append(STYLE)
            .append(".visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}")
            .append("</style>\n</head>\n<body>\n<header><a href=\"/\">Launchpad dev mailbox</a></header>\n")
            .append("<main>\n<h1>")
            .append(escape(heading))
            .append("</h1>\n");
    }

    private static String end(StringBuilder html) {
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

}
