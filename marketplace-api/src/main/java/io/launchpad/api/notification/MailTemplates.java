package io.launchpad.api.notification;

import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Notification emails from {@code mail/notification.html} and
 * {@code mail/notification.txt}: the same words twice, so every mail client shows a
 * readable message (HTML with a plain-text alternative).
 */
final class MailTemplates {

    /**
     * What an email says: to whom, what happened (one item per notification) and where to
     * act.
     */
    record Email(@Nullable String recipientName, String heading, List<Item> items, String manageUrl,
            String unsubscribeUrl) {
    }

    /**
     * One thing that happened, in the notification's own title, with what the person can
     * do next.
     */
    record Item(String title, String url, String nextStep) {
    }

    record Rendered(String text, String html) {
    }

    /**
     * What to do next, by kind of notification: every email ends in an action, not just a
     * link.
     */
    private static final Map<String, String> NEXT_STEPS = Map.ofEntries(
            Map.entry("challenge-published", "Read the challenge and decide whether to respond."),
            Map.entry("answer-published", "Read the answer: it applies to every supplier responding."),
            Map.entry("closing-soon", "Send your response before the closing date; drafts are not submitted."),
            Map.entry("question-window-closing", "Ask any clarification question before the window closes."),
            Map.entry("response-outcome", "See the decision on your response and any feedback."),
            Map.entry("milestone-due", "Update the milestone so the association and supplier share one picture."),
            Map.entry("question-asked", "Answer the question: the answer is published to every supplier."),
            Map.entry("response-submitted", "Read the response; you can evaluate it once the challenge closes."),
            Map.entry("challenge-closed-early", "Drafts can no longer be submitted; watch for the outcome."),
            Map.entry("content-hidden",
                    "Nobody else sees it now. Change what the reason names; if you think it was"
                            + " hidden by mistake, tell us through the contact page."),
            Map.entry("content-restored", "Nothing to do: it is back where people find it."),
            Map.entry("application-decided", "See the association's decision and any feedback on your applications."));

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MailTemplates() {
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
    }

    static String nextStep(String kind) {
        return NEXT_STEPS.getOrDefault(kind, "Open Launchpad to see what changed.");
    }

    Rendered render(Email email) {
        Context context = new Context(Locale.UK);
        context.setVariable("email", email);
        return new Rendered(engine.process("notification.txt", context), engine.process("notification.html", context));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setResolvablePatterns(Set.of("*" + suffix));
        resolver.setOrder(order);
        resolver.setCheckExistence(true);
        return resolver;
    }

}
