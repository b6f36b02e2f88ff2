package io.launchpad.infra.esanalysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/** Builds a {@link SynonymMap} from rule text with Lucene's parsers. */
final class SynonymRules {

    private SynonymRules() {
    }

    /**
     * Solr format only ({@code "damp, mould => condensation"}): it is the format
     * Launchpad's taxonomy writes, and a second parser would be a second copy of the
     * lenient handling below that nothing exercises.
     */
    static SynonymMap parse(String filterName, String rules, boolean expand, boolean lenient, Analyzer chain) {
        try (chain) {
            Solr parser = new Solr(expand, chain, lenient);
            parser.parse(new StringReader(rules));
            return parser.build();
        }
        catch (ParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "failed to build synonyms for filter [" + filterName + "]: " + reasons(e), e);
        }
        catch (IOException e) {
            throw new UncheckedIOException("failed to build synonyms for filter [" + filterName + "]", e);
        }
    }

    /**
     * Lucene's parser wraps the useful part ("term: x was completely eliminated by
     * analyzer") in its cause.
     */
    private static String reasons(Throwable failure) {
        StringBuilder reasons = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            reasons.append(": ").append(cause.getMessage());
        }
        return reasons.toString();
    }

    /**
     * Lenient means a rule whose words the chain removes or stacks (a stop word, say) is
     * dropped instead of failing the index; an empty term marks it, and {@link #keep}
     * then skips the whole mapping.
     */
    private static CharsRef analyzeLeniently(String text, CharsRefBuilder reuse, boolean lenient, Analyze strict)
            throws IOException {
        try {
            return strict.analyze(text, reuse);
        }
        catch (IllegalArgumentException rejected) {
            if (!lenient) {
                throw rejected;
            }
            reuse.clear();
            return reuse.get();
        }
    }

    private static boolean keep(CharsRef input, CharsRef output) {
        return input.length > 0 && output.length > 0;
    }

    @FunctionalInterface
    private interface Analyze {

        CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException;

    }

    private static final class Solr extends SolrSynonymParser {

        private final boolean lenient;

        Solr(boolean expand, Analyzer analyzer, boolean lenient) {
            super(true, expand, analyzer);
            this.lenient = lenient;
        }

        @Override
        public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
            return analyzeLeniently(text, reuse, lenient, super::analyze);
        }

        @Override
        public void add(CharsRef input, CharsRef output, boolean includeOrig) {
            if (keep(input, output)) {
                super.add(input, output, includeOrig);
            }
        }

    }

}
