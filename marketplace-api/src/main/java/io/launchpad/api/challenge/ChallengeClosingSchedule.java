package io.launchpad.api.challenge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;

/**
 * Closes challenges at their closing date with nobody acting. Every API instance runs it;
 * the single conditional UPDATE behind {@link Challenges#closeDue()} makes that safe.
 */
@Configuration
@EnableScheduling
class ChallengeClosingSchedule {

    private static final Logger log = LoggerFactory.getLogger(ChallengeClosingSchedule.class);

    private final Challenges challenges;

    ChallengeClosingSchedule(Challenges challenges) {
        this.challenges = challenges;
    }

    @Scheduled(initialDelayString = "${launchpad.challenges.closing-interval:PT1M}",
            fixedDelayString = "${launchpad.challenges.closing-interval:PT1M}")
    void closeDue() {
        try {
            var closed = challenges.closeDue().block(Duration.ofMinutes(1));
            if (closed != null && !closed.isEmpty()) {
                log.atInfo().addKeyValue("closed", closed.size()).log("closed challenges past their closing date");
            }
        }
        catch (RuntimeException e) {
            // the next run retries; nothing was half-written because closing is one
            // transaction
            log.atWarn().setCause(e).log("closing challenges failed");
        }
    }

}
