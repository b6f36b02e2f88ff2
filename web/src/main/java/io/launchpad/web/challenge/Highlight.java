package io.launchpad.web.challenge;

import java.util.List;

/**
 * A passage of a supplier's profile that shares words with the challenge, as the API
 * sends it: plain text in runs, {@code marked} where a shared word is. The template
 * writes each run as escaped text (inside a {@code <mark>} it writes itself when marked),
 * so nothing a profile contains reaches the page as markup.
 */
record Highlight(String field, String text, List<Segment> segments) {

    Highlight {
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    public String fieldLabel() {
        // field names may be paths such as "caseStudies.outcome"; the last part says what
        // it is
        String name = field.substring(field.lastIndexOf('.') + 1);
        return Labels.topic(name);
    }

    /** A run of plain text, a shared word or not. */
    record Segment(String text, boolean marked) {
    }
}
