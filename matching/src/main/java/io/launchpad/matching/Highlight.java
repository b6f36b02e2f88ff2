package io.launchpad.matching;

/**
 * A passage of a profile that matched. {@code field} is the profile field
 * ({@code name, summary, capabilities, products, caseStudies}); {@code fragment} is HTML-escaped
 * text in which the matched terms are wrapped in {@code <mark>…</mark>}, safe to render as HTML.
 */
public record Highlight(String field, String fragment) {
}
