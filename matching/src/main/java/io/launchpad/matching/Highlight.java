package io.launchpad.matching;

import java.util.List;

/**
 * A passage of a profile or challenge that shares words with the other side.
 * {@code field} is where it is
 * ({@code name, summary, capabilities, products, caseStudies}; {@code title, summary,
 * description}); {@code text} the passage as plain text (nothing escaped), and
 * {@code segments} the same text in runs, {@code marked} where a shared word is. Words
 * without a subject ("we", "our") and words of a name are never marked.
 */
public record Highlight(String field, String text, List<Segment> segments) {

    public Highlight {
        segments = List.copyOf(segments);
    }

    /** A run of the passage's text, a shared word or not. */
    public record Segment(String text, boolean marked) {
    }
}
