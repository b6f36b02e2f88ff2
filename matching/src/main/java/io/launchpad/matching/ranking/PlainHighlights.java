package io.launchpad.matching.ranking;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.launchpad.matching.Highlight;
import java.util.regex.Matcher;

/**
 * Turns highlighted fragments (HTML-escaped, matched words in {@code <mark>}, from
 * Elasticsearch's highlighter in search or {@link QueryHighlighter} in matching) into
 * what a person can read: plain text in segments, with no mark on a word that carries no
 * subject ("we", "our", "can"), nor on a word of a name (an organisation sharing a word
 * with a challenge says nothing about the work). A fragment left with nothing marked is
 * dropped, and the fragments that share the most distinct words come first.
 */
final class PlainHighlights {

    static final int MAX_SHOWN = 3;

    private static final String OPEN = "<mark>";

    private static final String CLOSE = "</mark>";

    private static final Pattern NOT_A_WORD_CHARACTER = Pattern.compile("[^\\p{L}\\p{N}]+");

    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos);");

    private static final Set<String> STOP_WORDS = read("/text/highlight-stopwords-en.txt");

    private PlainHighlights() {
    }

    /**
     * {@code fragments}: field shown → fragments, in field order; {@code names}: names
     * whose words are never marked.
     */
    static List<Highlight> of(List<Fragment> fragments, Collection<String> names) {
        Set<String> nameWords = new HashSet<>();
        names.forEach(name -> nameWords.addAll(words(name)));
        List<Ranked> kept = new ArrayList<>();
        for (Fragment fragment : fragments) {
            Highlight highlight = plain(fragment.field(), fragment.html(), nameWords);
            Set<String> marked = new HashSet<>();
            highlight.segments()
                .stream()
                .filter(Highlight.Segment::marked)
                .forEach(segment -> marked.addAll(words(segment.text())));
            if (!marked.isEmpty()) {
                kept.add(new Ranked(highlight, marked.size(), kept.size()));
            }
        }
        return kept.stream()
            .sorted(Comparator.comparingInt(Ranked::distinctWords).reversed().thenComparingInt(Ranked::order))
            .limit(MAX_SHOWN)
            .map(Ranked::highlight)
            .toList();
    }

    /** One fragment as Elasticsearch returned it. */
    record Fragment(String field, String html) {
    }

    private record Ranked(Highlight highlight, int distinctWords, int order) {
    }

    static Highlight plain(String field, String html, Set<String> nameWords) {
        List<Highlight.Segment> segments = new ArrayList<>();
        boolean marked = false;
        int from = 0;
        while (from <= html.length()) {
            int tag = html.indexOf(marked ? CLOSE : OPEN, from);
            int end = tag < 0 ? html.length() : tag;
            if (end > from) {
                String text = unescape(html.substring(from, end));
                add(segments, text, marked && words(text).stream().anyMatch(word -> worthMarking(word, nameWords)));
            }
            if (tag < 0) {
                break;
            }
            from = tag + (marked ? CLOSE : OPEN).length();
            marked = !marked;
        }
        StringBuilder text = new StringBuilder();
        segments.forEach(segment -> text.append(segment.text()));
        return new Highlight(field, text.toString(), segments);
    }

    private static boolean worthMarking(String word, Set<String> nameWords) {
        return word.length() > 1 && !STOP_WORDS.contains(word) && !nameWords.contains(word);
    }

    /**
     * Joins a run to the previous one when both are marked or both are not, and marked
     * words a space apart.
     */
    private static void add(List<Highlight.Segment> segments, String text, boolean marked) {
        int size = segments.size();
        if (marked && size >= 2 && !segments.getLast().marked() && segments.getLast().text().isBlank()
                && segments.get(size - 2).marked()) {
            String space = segments.removeLast().text();
            Highlight.Segment previous = segments.removeLast();
            segments.add(new Highlight.Segment(previous.text() + space + text, true));
        }
        else if (size > 0 && segments.getLast().marked() == marked) {
            Highlight.Segment last = segments.removeLast();
            segments.add(new Highlight.Segment(last.text() + text, marked));
        }
        else {
            segments.add(new Highlight.Segment(text, marked));
        }
    }

    /**
     * Undoes Elasticsearch's HTML encoder: the five named entities and numeric ones
     * ({@code &#x27;}).
     */
    static String unescape(String html) {
        return ENTITY.matcher(html).replaceAll(match -> {
            String entity = match.group(1);
            String text = switch (entity) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> {
                    int codePoint = entity.charAt(1) == 'x' || entity.charAt(1) == 'X'
                            ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1));
                    yield Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : match.group();
                }
            };
            return Matcher.quoteReplacement(text);
        });
    }

    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return NOT_A_WORD_CHARACTER.splitAsStream(text.toLowerCase(Locale.ROOT))
            .filter(word -> !word.isEmpty())
            .toList();
    }

    private static Set<String> read(String resource) {
        try (InputStream in = PlainHighlights.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            Set<String> words = new HashSet<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .forEach(words::add);
            return Set.copyOf(words);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
