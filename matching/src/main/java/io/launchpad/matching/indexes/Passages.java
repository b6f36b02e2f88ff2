package io.launchpad.matching.indexes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.launchpad.matching.SupplierDocument;
import org.jspecify.annotations.Nullable;

/**
 * A profile cut into the passages a requirement can be evidenced by: each capability,
 * each product, each case study (a paragraph), each sentence of the summary. Each is
 * embedded on its own at index time, so matching compares a requirement with the one
 * passage that answers it instead of with the average of a whole profile, and quotes that
 * passage.
 */
public final class Passages {

    /**
     * Enough for a long profile; beyond this a profile repeats itself and each passage
     * costs a model run.
     */
    static final int MAX_PASSAGES = 32;

    /**
     * A passage is quoted whole in an explanation: longer ones are cut at a word
     * boundary.
     */
    static final int MAX_CHARACTERS = 600;
    static final int MIN_SUMMARY_SENTENCE_WORDS = 5;

    private static final Pattern LINES = Pattern.compile("\\n+|;|•");

    private static final Pattern PARAGRAPHS = Pattern.compile("\\n\\s*\\n|\\n");

    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?])\\s+|\\n+");

    /** {@code field} is the profile field it came from, as the API names it. */
    public record Passage(String field, String text) {
    }

    private Passages() {
    }

    public static List<Passage> of(SupplierDocument supplier) {
        Set<Passage> passages = new LinkedHashSet<>();
        split(passages, "capabilities", supplier.capabilities(), LINES, 2);
        split(passages, "products", supplier.products(), LINES, 2);
        split(passages, "caseStudies", supplier.caseStudies(), PARAGRAPHS, 4);
        split(passages, "summary", supplier.summary(), SENTENCES, MIN_SUMMARY_SENTENCE_WORDS);
        return passages.stream().limit(MAX_PASSAGES).toList();
    }

    private static void split(Set<Passage> into, String field, @Nullable String text, Pattern separator, int minWords) {
        if (text == null || text.isBlank()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        for (String part : separator.split(text)) {
            String passage = part.strip();
            if (passage.split("\\s+").length >= minWords) {
                parts.add(passage.length() <= MAX_CHARACTERS ? passage : cut(passage));
            }
        }
        parts.forEach(part -> into.add(new Passage(field, part)));
    }

    private static String cut(String text) {
        int end = text.lastIndexOf(' ', MAX_CHARACTERS);
        return text.substring(0, end > 0 ? end : MAX_CHARACTERS) + "…";
    }

}
