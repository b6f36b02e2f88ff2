package io.launchpad.api.notification;

import io.launchpad.api.database.Rows;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import jakarta.mail.MessagingException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;

/**
 * Emails notifications over SMTP. Instant ones go one by one; daily and weekly ones go as
 * one digest per person when the period has passed. An instance first claims
 * notifications in one statement ({@code email_claimed_at},
 * {@code FOR UPDATE SKIP LOCKED}), so instances never claim the same one, then talks to
 * SMTP holding no transaction and no row lock, and sets {@code emailed_at} once the
 * server has taken the email. A digest is only sent when it has something in it.
 */
@Component
class NotificationMailer {

    private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);

    enum Frequency {

        INSTANT(Duration.ZERO), DAILY(Duration.ofDays(1)), WEEKLY(Duration.ofDays(7));

        final Duration period;

        Frequency(Duration period) {
            this.period = period;
        }

        String code() {
            return name().toLowerCase();
        }

    }

    private record Pending(long id, String subject, String email, String name, String title, String link, String kind,
            UUID unsubscribeToken) {
    }

    private final MailTemplates templates = new MailTemplates();

    private final DatabaseClient db;

    private final ObjectProvider<JavaMailSender> mail;

    private final String webBaseUrl;

    private final String apiBaseUrl;

    private final String from;

    private final Counter sent;

    private final Counter failed;

    NotificationMailer(DatabaseClient db, ObjectProvider<JavaMailSender> mail,
            @Value("${launchpad.web-base-url:http://127.0.0.1:8081}") String webBaseUrl,
            @Value("${launchpad.api-base-url:http://127.0.0.1:8080}") String apiBaseUrl,
            @Value("${launchpad.notifications.from:launchpad@launchpad.example}") String from, MeterRegistry meters) {
        this.sent = emails(meters, "sent");
        this.failed = emails(meters, "failed");
        this.db = db;
        this.mail = mail;
        this.webBaseUrl = webBaseUrl;
        this.apiBaseUrl = apiBaseUrl;
        this.from = from;
    }

    private static Counter emails(MeterRegistry meters, String outcome) {
        return Counter.builder("launchpad.emails")
            .tag("outcome", outcome)
            .description("Notification emails the SMTP server took (sent) or that failed and will be retried")
            .register(meters);
    }

    @Scheduled(fixedDelayString = "${launchpad.notifications.mail-interval:PT5S}")
    void scheduled() {
        if (mail.getIfAvailable() == null) {
            return;
        }
        try {
            sendInstant().block(Duration.ofMinutes(2));
            sendDigests(Frequency.DAILY, Instant.now()).block(Duration.ofMinutes(2));
            sendDigests(Frequency.WEEKLY, Instant.now()).block(Duration.ofMinutes(2));
        }
        catch (RuntimeException e) {
            log.atWarn().setCause(e).log("sending notification email failed; will retry");
        }
    }

    /**
     * Sends every instant notification not yet emailed; returns how many emails went out.
     * Notifications are claimed in one statement, then each email is sent with no
     * transaction or lock held while SMTP talks, and marked sent only after the server
     * took it.
     */
    Mono<Long> sendInstant() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return Mono.just(0L);
        }
        return claim("n.frequency = 'instant'", null, null).flatMapMany(Flux::fromIterable)
            .concatMap(n -> deliver(sender, n.email(), n.title(),
                    email("There is an update for you on Launchpad:", List.of(n)), List.of(n.id()), Mono.empty()))
            .reduce(0L, Long::sum);
    }

    /**
     * One digest per person whose period has passed and who has something new; returns
     * how many went out.
     */
    Mono<Long> sendDigests(Frequency frequency, Instant now) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return Mono.just(0L);
        }
        return claim(
                "n.frequency = :frequency and not exists (select 1 from digest_sent d where d.subject = "
                        + "n.recipient_subject and d.frequency = :frequency and d.last_sent_at > :since)",
                frequency.code(), now.minus(frequency.period))
            .flatMapMany(claimed -> Flux.fromIterable(claimed.stream()
                .collect(Collectors.groupingBy(Pending::subject, LinkedHashMap::new, Collectors.toList()))
                .values()))
            .concatMap(items -> {
                Pending first = items.getFirst();
                String updates = items.size() + " update" + (items.size() == 1 ? "" : "s");
                return deliver(sender, first.email(), "Your " + frequency.code() + " Launchpad digest: " + updates,
                        email("Your " + frequency.code() + " digest: " + updates + " since we last wrote.", items),
                        items.stream().map(Pending::id).toList(),
                        db.sql("""
                                insert into digest_sent (subject, frequency, last_sent_at) values (:s, :f, :now)
                                on conflict (subject, frequency) do update set last_sent_at = excluded.last_sent_at""")
                            .bind("s", first.subject())
                            .bind("f", frequency.code())
                            .bind("now", now)
                            .then());
            })
            .reduce(0L, Long::sum);
    }

    /**
     * Sends one email and marks its notifications sent (then runs {@code afterwards}); 1
     * when it went out. A send that fails gives the claim back, so the next run tries
     * again; a crash between sending and marking leaves the claim to expire, and the
     * email goes again (at least once, never lost).
     */
    private Mono<Long> deliver(JavaMailSender sender, String to, String subject, MailTemplates.Email email,
            List<Long> ids, Mono<Void> afterwards) {
        return send(sender, to, subject, email).then(markEmailed(ids))
            .then(afterwards)
            .thenReturn(1L)
            .doOnNext(one -> sent.increment())
            .onErrorResume(failure -> {
                failed.increment();
                log.atWarn()
                    .addKeyValue("notifications", ids.size())
                    .addKeyValue("error", failure.toString())
                    .log("notification email not sent; will retry");
                return release(ids).thenReturn(0L);
            });
    }

    /**
     * Claims up to 500 pending notifications for this instance in one statement: rows
     * another instance holds (claimed in the last ten minutes, or locked right now) are
     * skipped, so each email goes once.
     */
    private Mono<List<Pending>> claim(String condition, @Nullable String frequency, @Nullable Instant since) {
        var spec = db.sql("""
                with claimable as (
                    select n.id from notification n join person p on p.subject = n.recipient_subject
                    where n.emailed_at is null and p.email is not null and %s
                      and (n.email_claimed_at is null or n.email_claimed_at < now() - interval '10 minutes')
                    order by n.recipient_subject, n.id limit 500
                    for update of n skip locked)
                update notification t set email_claimed_at = now()
                from claimable c, person p
                where t.id = c.id and p.subject = t.recipient_subject
                returning t.id, t.recipient_subject, p.email, p.name, t.title, t.link, t.kind, p.unsubscribe_token"""
            .formatted(condition));
        if (frequency != null) {
            spec = spec.bind("frequency", frequency)
                .bind("since", Objects.requireNonNull(since, "a digest is claimed with the start of its period"));
        }
        return spec
            .map(row -> new Pending(row.get("id", Long.class), row.get("recipient_subject", String.class),
                    row.get("email", String.class), row.get("name", String.class), row.get("title", String.class),
                    row.get("link", String.class), row.get("kind", String.class),
                    row.get("unsubscribe_token", UUID.class)))
            .all()
            .collectList()
            // RETURNING has no order: one person's items together, oldest first
            .map(claimed -> claimed.stream()
                .sorted(Comparator.comparing(Pending::subject).thenComparingLong(Pending::id))
                .toList());
    }

    private Mono<Void> release(List<Long> ids) {
        return db.sql("update notification set email_claimed_at = null where id = any(:ids) and emailed_at is null")
            .bind("ids", ids.toArray(Long[]::new))
            .then();
    }

    private Mono<Void> markEmailed(List<Long> ids) {
        return db.sql("update notification set emailed_at = now() where id = any(:ids)")
            .bind("ids", ids.toArray(Long[]::new))
            .then();
    }

    /** The email for these notifications, all to one person, from the templates. */
    private MailTemplates.Email email(String heading, List<Pending> items) {
        Pending first = items.getFirst();
        String name = first.name() == null || first.name().isBlank() ? null : first.name().strip();
        return new MailTemplates.Email(name, heading,
                items.stream()
                    .map(item -> new MailTemplates.Item(item.title(), webBaseUrl + item.link(),
                            MailTemplates.nextStep(item.kind())))
                    .toList(),
                webBaseUrl + "/notifications", unsubscribeUrl(first.unsubscribeToken()));
    }

    private String unsubscribeUrl(UUID token) {
        return apiBaseUrl + "/api/v1/notifications/unsubscribe?token=" + token;
    }

    /**
     * HTML with a plain-text alternative; RFC 8058 one-click unsubscribe (mail clients
     * POST to List-Unsubscribe).
     */
    private Mono<Void> send(JavaMailSender sender, String to, String subject, MailTemplates.Email email) {
        return Mono.fromRunnable(() -> {
            try {
                MailTemplates.Rendered rendered = templates.render(email);
                MimeMessage message = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
                helper.setFrom(from);
                helper.setTo(to);
                helper.setSubject(subject);
                helper.setText(rendered.text(), rendered.html());
                message.setHeader("List-Unsubscribe", "<" + email.unsubscribeUrl() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                sender.send(message);
            }
            catch (MessagingException e) {
                throw new IllegalStateException("could not build the email to " + to, e);
            }
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }

}
