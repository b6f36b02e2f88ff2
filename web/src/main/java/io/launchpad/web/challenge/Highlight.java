package io.launchpad.web.challenge;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * A phrase from a supplier's profile that matched, as Elasticsearch highlighted it: HTML-escaped
 * text with the matched words wrapped in {@code <mark>} tags.
 * <p>
 * The fragment is never written to the page as HTML. It is split at the {@code <mark>} tags into
 * plain-text segments that the template escapes again, so the only markup that reaches the browser
 * is the {@code <mark>} elements the template itself writes, whatever the profile contained.
 */
record Highlight(String field, String fragment) {

    private static final String OPEN = "<mark>";

    private static final String CLOSE = "</mark>";

    public String fieldLabel() {
        // field names may be paths such as "caseStudies.outcome"; the last part says what it is
        String name = field.substring(field.lastIndexOf('.') + 1);
        return Labels.topic(name);
    }

    public List<Segment> segments() {
        List<Segment> segments = new ArrayList<>();
        boolean marked = false;
        int from = 0;
        while (from <= fragment.length()) {
            int tag = fragment.indexOf(marked ? CLOSE : OPEN, from);
            int end = tag < 0 ? fragment.length() : tag;
            if (end > from) {
                // Elasticsearch escaped the text; undo that here because the template escapes it on output
                segments.add(new Segment(HtmlUtils.htmlUnescape(fragment.substring(from, end)), marked));
            }
            if (tag < 0) {
                break;
            }
            from = tag + (marked ? CLOSE : OPEN).length();
            marked = !marked;
        }
        return segments;
    }

    /** A run of plain text, highlighted or not. */
    record Segment(String text, boolean marked) {
    }
}
