package io.launchpad.infra.esanalysis;

import java.util.List;
import java.util.function.Function;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalysisMode;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;

/**
 * {@code "type": "synonym"} and {@code "type": "synonym_graph"}: rules inline
 * ({@code synonyms}) or from a file under the config folder ({@code synonyms_path}), in
 * Solr format (the only one Launchpad writes; {@code format: wordnet} is refused by name
 * rather than parsed by a second, untested copy), with {@code expand}, {@code lenient}
 * and {@code updateable}.
 *
 * <p>
 * The rules are parsed through the tokenizer, char filters and token filters that come
 * before this filter in each analyzer, as a production cluster does: with a stemmer or
 * asciifolding ahead of the synonyms, a rule written "mould" must match the token "mould"
 * has become, so a parser with a fixed analyzer would silently miss. That is why this
 * factory only works once the analyzer chain hands it its predecessors.
 */
final class SynonymTokenFilterFactory extends AbstractTokenFilterFactory {

    enum Kind {

        /**
         * {@code synonym}: flattened for indexing, where positions cannot form a graph.
         */
        FLAT,
        /**
         * {@code synonym_graph}: the token graph query parsers turn into correct
         * multi-word phrase queries.
         */
        GRAPH

    }

    private final Kind kind;

    private final String rules;

    private final boolean expand;

    private final boolean lenient;

    private final AnalysisMode analysisMode;

    SynonymTokenFilterFactory(Environment environment, String name, Settings settings, Kind kind) {
        super(name);
        this.kind = kind;
        if (settings.get("synonyms_set") != null) {
            throw new IllegalArgumentException("synonym filter [" + name
                    + "]: synonyms_set needs the synonyms API, which the embedded node lacks; use synonyms or synonyms_path");
        }
        List<String> lines = Analysis.getWordList(environment, settings, "synonyms");
        if (lines == null) {
            throw new IllegalArgumentException(
                    "synonym filter [" + name + "] requires either synonyms or synonyms_path");
        }
        this.rules = String.join("\n", lines);
        String format = settings.get("format", "solr");
        if (!"solr".equals(format)) {
            throw new IllegalArgumentException("synonym filter [" + name + "]: format [" + format
                    + "] is not supported by the embedded node's analysis plugin; write the rules in solr format");
        }
        this.expand = settings.getAsBoolean("expand", true);
        this.lenient = settings.getAsBoolean("lenient", false);
        this.analysisMode = settings.getAsBoolean("updateable", false) ? AnalysisMode.SEARCH_TIME : AnalysisMode.ALL;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        throw new IllegalStateException("synonym filter [" + name() + "] is only usable inside an analyzer chain");
    }

    @Override
    public TokenFilterFactory getChainAwareTokenFilterFactory(IndexCreationContext context, TokenizerFactory tokenizer,
            List<CharFilterFactory> charFilters, List<TokenFilterFactory> previousTokenFilters,
            Function<String, TokenFilterFactory> allFilters) {
        SynonymMap synonyms = SynonymRules.parse(name(), rules, expand, lenient,
                new ChainAnalyzer(tokenizer, charFilters, previousTokenFilters));
        return new ChainedSynonymFilterFactory(name(), kind, synonyms, analysisMode);
    }

    /**
     * A later synonym filter parses its rules without this one's rewrites, as production
     * does.
     */
    @Override
    public TokenFilterFactory getSynonymFilter() {
        return IDENTITY_FILTER;
    }

    @Override
    public AnalysisMode getAnalysisMode() {
        return analysisMode;
    }

    private static final class ChainedSynonymFilterFactory extends AbstractTokenFilterFactory {

        private final Kind kind;

        private final SynonymMap synonyms;

        private final AnalysisMode analysisMode;

        ChainedSynonymFilterFactory(String name, Kind kind, SynonymMap synonyms, AnalysisMode analysisMode) {
            super(name);
            this.kind = kind;
            this.synonyms = synonyms;
            this.analysisMode = analysisMode;
        }

        @Override
        public TokenStream create(TokenStream tokenStream) {
            // no rule survived (all skipped as lenient): Lucene's filter refuses an empty
            // map
            if (synonyms.fst == null) {
                return tokenStream;
            }
            TokenStream graph = new SynonymGraphFilter(tokenStream, synonyms, false);
            return kind == Kind.FLAT ? new FlattenGraphFilter(graph) : graph;
        }

        @Override
        public TokenFilterFactory getSynonymFilter() {
            return IDENTITY_FILTER;
        }

        @Override
        public AnalysisMode getAnalysisMode() {
            return analysisMode;
        }

    }

}
