package io.launchpad.matching;

import org.jspecify.annotations.Nullable;

/**
 * How well a supplier's profile answers one of the challenge's requirements, in the
 * challenge's own words.
 *
 * @param requirement the requirement as the association wrote it
 * @param importance {@code essential} or {@code nice-to-have}; essential ones weigh twice
 * as much in the score
 * @param verdict {@code evidenced}, {@code partly-evidenced} or {@code not-evidenced}
 * @param support 0–1: how closely the best passage answers it, by meaning and by shared
 * words
 * @param passage the profile's passage that answers it best, quoted (null when nothing
 * does)
 * @param field where that passage is: {@code capabilities}, {@code products},
 * {@code caseStudies} or {@code summary}
 */
public record RequirementEvidence(String requirement, String importance, String verdict, double support,
        @Nullable String passage, @Nullable String field) {

    public static final String ESSENTIAL = "essential";

    public static final String NICE_TO_HAVE = "nice-to-have";

    public static final String EVIDENCED = "evidenced";

    public static final String PARTLY_EVIDENCED = "partly-evidenced";

    public static final String NOT_EVIDENCED = "not-evidenced";

}
