package io.launchpad.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The dev mailbox shows whatever arrives: nothing in an email may run or inject markup in
 * its pages.
 */
class MailboxPagesTest {

    private static final MailboxPages.Mail HOSTILE = new MailboxPages.Mail(7, Instant.parse("2026-12-03T10:15:30Z"),
            "Launchpad <launchpad@launchpad.example>", "\"<img src=x onerror=alert(1)>\" <eve@example.org>",
            "Confirm <script>alert('subject')</script> & go",
            "Hello <b>Eve</b>,\nconfirm here: https://kc.example/verify?key=a&tab=b.\n"
                    + "Not a link: javascript:alert(1)\n",
            "<p onclick=\"alert(1)\">Hi</p><script>alert('body')</script>"
                    + "<a href=\"https://kc.example/verify?key=a&amp;tab=b\">Confirm</a>"
                    + "<a href=\"javascript:alert(2)\">Evil</a><a href='http://x.example/\"><script>'>odd</a>");

    @Test
    void listEscapesSubjectsAndAddressesAndLinksEachMessage() {
        String page = MailboxPages.list(List.of(HOSTILE));

        assertThat(page).doesNotContain("<script>")
            .doesNotContain("<img")
            .contains("Confirm &lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt; &amp; go")
            .contains("&lt;img src=x onerror=alert(1)&gt;")
            .contains("<a href=\"/messages/7\">");
    }

    @Test
    void messageShowsTextEscapedHtmlOnlyInASandboxedFrameAndOnlyHttpLinks() {
        String page = MailboxPages.message(HOSTILE);

        assertThat(page).doesNotContain("<script>")
            .doesNotContain("onclick")
            .doesNotContain("<b>")
            .contains("Hello &lt;b&gt;Eve&lt;/b&gt;")
            // the HTML part is never inlined: a frame with no script permission loads it
            .contains("<iframe sandbox=\"allow-top-navigation-by-user-activation\"")
            .contains("src=\"/messages/7/html\"")
            .doesNotContain("href=\"javascript:")
            // the sentence's full stop is not part of the link; the HTML's &amp; is
            // decoded once, then escaped
            .contains("<a href=\"https://kc.example/verify?key=a&amp;tab=b\" rel=\"noreferrer\">");
        assertThat(MailboxPages.links(HOSTILE)).containsExactly("https://kc.example/verify?key=a&tab=b");
    }

    @Test
    void policiesForbidScriptOnThePagesAndSandboxTheEmailsOwnHtml() {
        assertThat(MailboxPages.PAGE_POLICY).contains("default-src 'none'").doesNotContain("script-src");
        assertThat(MailboxPages.BODY_POLICY).startsWith("sandbox")
            .doesNotContain("allow-scripts")
            .contains("default-src 'none'");
    }

    @Test
    void anEmptyMailboxSaysSo() {
        assertThat(MailboxPages.list(List.of())).contains("No emails yet.");
    }

}
