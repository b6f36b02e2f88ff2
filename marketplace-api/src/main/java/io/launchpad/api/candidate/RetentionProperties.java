package io.launchpad.api.candidate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param inactiveAfter how long without activity before a candidate is warned that their
 * profile will go
 * @param warningPeriod how long after the warning the profile is deleted, if they still
 * have not been back
 * @param interval how often the job runs
 * @param from the sender of warning emails
 */
@ConfigurationProperties("launchpad.candidates.retention")
record RetentionProperties(@DefaultValue("730d") Duration inactiveAfter, @DefaultValue("30d") Duration warningPeriod,
        @DefaultValue("6h") Duration interval, @DefaultValue("Launchpad <no-reply@launchpad.example>") String from) {
}
