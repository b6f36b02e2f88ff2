package io.launchpad.matching.ranking;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Marks a keyword query's words in a match's text, in this process. The analyzers are
 * Lucene's, built as the index template builds them (standard tokenizer, lowercase,
 * folding, stop words, stemmer), so a word is marked when the keyword query can match it:
 * stems ("repairs" for "repair"), synonyms ("condensation" for "mould"), and multi-word
 * synonyms only as whole phrases. The index expands synonyms in the text; here the query
 * is expanded instead, which marks the same words and keeps multi-word synonyms whole
 * (the index's flattened ones can also match a single word of a phrase). Asking
 * Elasticsearch to highlight cost more than the keyword search itself at 100,000
 * suppliers, for text the ranker had already read (docs/decisions.md).
 *
 * <p>
 * Fragments are built as Elasticsearch's highlighter built them: about
 * {@value #FRAGMENT_SIZE} characters from a little before a marked word, HTML-escaped
 * with the marks in {@code <mark>}, the ones sharing the most distinct words kept, so
 * {@link PlainHighlights} reads them unchanged.
 */
final class QueryHighlighter {

    static final int FRAGMENT_SIZE = 160;

    static final int FRAGMENTS_PER_FIELD = 3;

    /** Context shown before a fragment's first marked word, at most. */
    private static final int LEAD = 40;

    /**
     * The query text is read in pieces of about this size: Lucene caps a boolean query's
     * clauses, and a synonym never spans a piece worth of text.
     */
    private static final int PIECE = 2_000;

    private static final String FIELD = "text";

    private final Analyzer index;

    private final Analyzer search;

    QueryHighlighter(List<String> synonymRules) {
        this.index = analyzer(null);
        this.search = analyzer(synonyms(synonymRules));
    }

    /**
     * What a keyword query matches: single terms, and phrases (multi-word synonyms) as
     * terms at positions relative to the first.
     */
    record Words(Set<String> terms, List<Phrase> phrases) {

        static final Words NONE = new Words(Set.of(), List.of());

        boolean isEmpty() {
            return terms.isEmpty() && phrases.isEmpty();
        }
    }

    record Phrase(List<String> terms, List<Integer> offsets) {
    }

    Words words(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Words.NONE;
        }
        QueryBuilder builder = new QueryBuilder(search);
        builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        Set<String> terms = new HashSet<>();
        Set<Phrase> phrases = new LinkedHashSet<>();
        QueryVisitor collect = new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }

            @Override
            public void consumeTerms(Query query, Term... found) {
                if (query instanceof PhraseQuery phrase && found.length > 1) {
                    int[] positions = phrase.getPositions();
                    List<String> words = new ArrayList<>(found.length);
                    List<Integer> offsets = new ArrayList<>(found.length);
                    for (int i = 0; i < found.length; i++) {
                        words.add(found[i].text());
                        offsets.add(positions[i] - positions[0]);
                    }
                    phrases.add(new Phrase(List.copyOf(words), List.copyOf(offsets)));
                }
                else {
                    for (Term term : found) {
                        terms.add(term.text());
                    }
                }
            }
        };
        for (String piece : pieces(text)) {
            Query query = builder.createBooleanQuery(FIELD, piece);
            if (query != null) {
                query.visit(collect);
            }
        }
        return new Words(Set.copyOf(terms), List.copyOf(phrases));
    }

    /**
     * {@code shown}: field shown → its text, in the order fields are preferred. A field
     * sharing no word gives no fragment.
     */
    List<PlainHighlights.Fragment> fragments(Words words, Map<String, @Nullable String> shown) {
        List<PlainHighlights.Fragment> fragments = new ArrayList<>();
        if (words.isEmpty()) {
            return fragments;
        }
        shown.forEach((field, text) -> {
            if (text != null && !text.isBlank()) {
                fragments(text, marked(words, text))
                    .forEach(html -> fragments.add(new PlainHighlights.Fragment(field, html)));
            }
        });
        return fragments;
    }

    /** One marked word: where it is in the text, and its term. */
    record Span(int start, int end, String term) {
    }

    private record Token(String term, int position, int start, int end) {
    }

    /** The words of {@code text} the query matches, in text order. */
    List<Span> marked(Words words, String text) {
        List<Token> tokens = tokens(text);
        boolean[] marked = new boolean[tokens.size()];
        Map<Integer, Integer> byPosition = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            byPosition.put(tokens.get(i).position(), i);
            marked[i] = words.terms().contains(tokens.get(i).term());
        }
        for (Phrase phrase : words.phrases()) {
            for (int i = 0; i < tokens.size(); i++) {
                if (!tokens.get(i).term().equals(phrase.terms().getFirst())) {
                    continue;
                }
                List<Integer> at = new ArrayList<>(phrase.terms().size());
                for (int k = 0; k < phrase.terms().size(); k++) {
                    Integer found = byPosition.get(tokens.get(i).position() + phrase.offsets().get(k));
                    if (found != null && tokens.get(found).term().equals(phrase.terms().get(k))) {
                        at.add(found);
                    }
                }
                if (at.size() == phrase.terms().size()) {
                    at.forEach(found -> marked[found] = true);
                }
            }
        }
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (marked[i]) {
                Token token = tokens.get(i);
                spans.add(new Span(token.start(), token.end(), token.term()));
            }
        }
        return spans;
    }

    private record Window(int start, int end, List<Span> spans, int distinct) {
    }

    /**
     * Windows from a little before each unplaced marked word, best first, kept in text
     * order.
     */
    static List<String> fragments(String text, List<Span> spans) {
        List<Window> windows = new ArrayList<>();
        int next = 0;
        while (next < spans.size()) {
            Span first = spans.get(next);
            int start = start(text, first.start());
            int end = Math.max(end(text, start + FRAGMENT_SIZE), first.end());
            List<Span> inside = new ArrayList<>();
            while (next < spans.size() && spans.get(next).end() <= end) {
                inside.add(spans.get(next++));
            }
            windows.add(new Window(start, end, inside, (int) inside.stream().map(Span::term).distinct().count()));
        }
        return windows.stream()
            .sorted(Comparator.comparingInt(Window::distinct).reversed().thenComparingInt(Window::start))
            .limit(FRAGMENTS_PER_FIELD)
            .sorted(Comparator.comparingInt(Window::start))
            .map(window -> html(text, window))
            .toList();
    }

    /**
     * Up to {@link #LEAD} characters before the marked word: from its sentence's start if
     * that is near, else from a word's start.
     */
    private static int start(String text, int marked) {
        int earliest = Math.max(0, marked - LEAD);
        for (int i = marked - 1; i >= earliest; i--) {
            char c = text.charAt(i);
            if (c == '\n' || ((c == '.' || c == '!' || c == '?') && i + 1 < marked
                    && Character.isWhitespace(text.charAt(i + 1)))) {
                return i + 1;
            }
        }
        if (earliest == 0) {
            return 0;
        }
        int space = text.indexOf(' ', earliest);
        return space < 0 || space >= marked ? marked : space + 1;
    }

    /** The last word's end at or before {@code limit}. */
    private static int end(String text, int limit) {
        if (limit >= text.length()) {
            return text.length();
        }
        int space = text.lastIndexOf(' ', limit);
        return space <= 0 ? limit : space;
    }

    private static String html(String text, Window window) {
        StringBuilder html = new StringBuilder();
        int at = window.start();
        for (Span span : window.spans()) {
            html.append(escaped(text.substring(at, span.start())))
                .append("<mark>")
                .append(escaped(text.substring(span.start(), span.end())))
                .append("</mark>");
            at = span.end();
        }
        html.append(escaped(text.substring(at, window.end())));
        return html.toString().strip();
    }

    /** HTML-escaped, line breaks and runs of spaces read as one space. */
    private static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (!space) {
                    out.append(' ');
                }
                space = true;
                continue;
            }
            space = false;
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = index.tokenStream(FIELD, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new Token(term.toString(), position, offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int to = Math.min(text.length(), from + PIECE);
            if (to < text.length()) {
                int space = text.lastIndexOf(' ', to);
                to = space > from ? space : to;
            }
            pieces.add(text.substring(from, to));
            from = to;
        }
        return pieces;
    }

    /**
     * The index template's chain: standard tokenizer, lowercase, ASCII folding, synonyms
     * (here on the query side), English stop words, Porter stemmer.
     */
    private static Analyzer analyzer(@Nullable SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
                if (synonyms != null) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                stream = new PorterStemFilter(new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET));
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    /**
     * Rules are read as Elasticsearch reads them: through the filters before the synonym
     * filter.
     */
    private static SynonymMap synonyms(List<String> rules) {
        Analyzer rulesAnalyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
            }
        };
        try (rulesAnalyzer) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, rulesAnalyzer);
            parser.parse(new StringReader(String.join("\n", rules)));
            return parser.build();
        }
        catch (IOException | ParseException e) {
            throw new IllegalStateException("The synonym rules do not parse", e);
        }
    }

}
