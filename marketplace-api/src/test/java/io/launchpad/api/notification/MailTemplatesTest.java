package io.launchpad.api.notification;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates();

    @Test
    void anEmailGreetsThePersonSaysWhatHappenedAndWhatToDoNextInBothParts() {
        var email = new MailTemplates.Email("Ada Lovelace", "There is an update for you on Launchpad:",
                List.of(new MailTemplates.Item("A clarification answer was published on Damp sensing",
                        "https://web.example/challenges/c-1", MailTemplates.nextStep("answer-published")),
                        new MailTemplates.Item("Damp sensing closes on 2027-01-16",
                                "https://web.example/challenges/c-1", MailTemplates.nextStep("closing-soon"))),
                "https://web.example/notifications", "https://api.example/api/v1/notifications/unsubscribe?token=t-1");

        MailTemplates.Rendered rendered = templates.render(email);

        assertThat(rendered.text()).startsWith("Hello Ada Lovelace,")
            .contains("* A clarification answer was published on Damp sensing")
            .contains("Read the answer: it applies to every supplier responding.")
            .contains("Send your response before the closing date")
            .contains("https://web.example/challenges/c-1")
            .contains("Stop these emails: https://api.example/api/v1/notifications/unsubscribe?token=t-1")
            .doesNotContain("<");
        assertThat(rendered.html()).contains("<p>Hello Ada Lovelace,</p>")
            .contains(
                    "<a href=\"https://web.example/challenges/c-1\" style=\"color:#1d70b8\">A clarification answer was published on Damp sensing</a>")
            .contains("href=\"https://api.example/api/v1/notifications/unsubscribe?token=t-1\"")
            .contains("lang=\"en-GB\"");
    }

    @Test
    void titlesAreTextNeverMarkupAndAMissingNameStillGreets() {
        var email = new MailTemplates.Email(null, "Your daily digest: 1 update since we last wrote.",
                List.of(new MailTemplates.Item("<script>alert(1)</script> & co", "https://web.example/x",
                        MailTemplates.nextStep("unknown-kind"))),
                "https://web.example/notifications", "https://api.example/u");

        MailTemplates.Rendered rendered = templates.render(email);

        assertThat(rendered.html()).contains("<p>Hello,</p>")
            .doesNotContain("<script>")
            .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co");
        assertThat(rendered.text()).startsWith("Hello,").contains("Open Launchpad to see what changed.");
    }

}
