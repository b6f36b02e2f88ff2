package io.launchpad.api.candidate;

import io.launchpad.api.audit.AuditLog;
import io.launchpad.api.security.Caller;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Deletes candidate profiles nobody has used for {@code inactive-after}, but only after
 * warning the candidate by email and waiting {@code warning-period}: any activity in
 * between (signing in to the profile, applying, updating) clears the warning. Without a
 * mail server nothing is deleted, because nobody could have been warned. Safe on many
 * instances: marking a profile warned and deleting it are conditional updates, so only
 * one instance acts on each profile.
 */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(RetentionProperties.class)
class CandidateRetention {

    private static final Logger log = LoggerFactory.getLogger(CandidateRetention.class);

    private static final int BATCH = 200;

    record Report(int warned, int deleted, boolean mailConfigured) {
    }

    private final CandidateRepository repository;

    private final CandidateProfiles profiles;

    private final AuditLog audit;

    private final RetentionProperties properties;

    private final ObjectProvider<JavaMailSender> mail;

    private final TransactionalOperator transactions;

    private final Clock clock;

    CandidateRetention(CandidateRepository repository, CandidateProfiles profiles, AuditLog audit,
            RetentionProperties properties, ObjectProvider<JavaMailSender> mail, TransactionalOperator transactions,
            Clock clock) {
        this.repository = repository;
        this.profiles = profiles;
        this.audit = audit;
        this.properties = properties;
        this.mail = mail;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${launchpad.candidates.retention.interval:6h}",
            fixedDelayString = "${launchpad.candidates.retention.interval:6h}")
    void scheduled() {
        try {
            Report report = run(mail.getIfAvailable()).block(Duration.ofMinutes(5));
            if (report != null && (report.warned() > 0 || report.deleted() > 0 || !report.mailConfigured())) {
                log.atInfo()
                    .addKeyValue("warned", report.warned())
                    .addKeyValue("deleted", report.deleted())
                    .addKeyValue("mailConfigured", report.mailConfigured())
                    .log("candidate retention ran");
            }
        }
        catch (RuntimeException e) {
            // the next run retries; each warning and each deletion is its own transaction
            log.atWarn().setCause(e).log("candidate retention failed");
        }
    }

    /**
     * One pass: first delete the profiles warned long enough ago, then warn the newly
     * inactive.
     */
    Mono<Report> run(@Nullable JavaMailSender sender) {
        if (sender == null) {
            return Mono.just(new Report(0, 0, false));
        }
        Instant now = clock.instant();
        Mono<Integer> deleted = repository.warnedLongEnough(now.minus(properties.warningPeriod()), BATCH)
            .concatMap(profile -> audit
                .record(Caller.system(), AuditLog.Action.UPDATED, profile.id(), profile.subject(),
                        "retention: profile deleted after inactivity")
                .then(profiles.delete(profile.id()))
                .as(transactions::transactional))
            .count()
            .map(Long::intValue);
        Mono<Integer> warned = repository.inactiveUnwarned(now.minus(properties.inactiveAfter()), BATCH)
            .concatMap(profile -> repository.markWarned(profile.id())
                .then(Mono.fromRunnable(() -> sender.send(warning(profile, now)))
                    .subscribeOn(Schedulers.boundedElastic()))
                .then(audit.record(Caller.system(), AuditLog.Action.RETENTION_WARNED, profile.id(), profile.subject(),
                        "retention: warning emailed"))
                .as(transactions::transactional)
                .thenReturn(1)
                .onErrorResume(e -> {
                    // the mark rolled back with the transaction: the next run tries again
                    log.atWarn().setCause(e).addKeyValue("candidateId", profile.id()).log("retention warning not sent");
                    return Mono.empty();
                }))
            .count()
            .map(Long::intValue);
        return deleted.zipWith(warned, (d, w) -> new Report(w, d, true));
    }

    private SimpleMailMessage warning(CandidateProfile profile, Instant now) {
        String date = DateTimeFormatter.ofPattern("d MMMM yyyy")
            .withZone(ZoneId.of("Europe/London"))
            .format(now.plus(properties.warningPeriod()));
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(profile.identity().email());
        message.setSubject("Your Launchpad candidate profile will be deleted on " + date);
        message.setText("Hello " + profile.identity().name() + ",\n\n"
                + "You have not used your Digital on Board candidate profile for a long time. To protect your data we "
                + "will delete it, and reduce your applications to anonymous statistics, on " + date + ".\n\n"
                + "To keep it, sign in to Launchpad and open your profile before then.\n\n"
                + "You can also download all your data (Your data > Export) or delete it now.\n");
        return message;
    }

}
