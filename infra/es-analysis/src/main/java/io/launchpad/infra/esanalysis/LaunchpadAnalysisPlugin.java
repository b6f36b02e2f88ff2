package io.launchpad.infra.esanalysis;

import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.PreBuiltAnalyzerProviderFactory;
import org.elasticsearch.index.analysis.PreConfiguredTokenFilter;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.indices.analysis.PreBuiltCacheFactory.CachingStrategy;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * The analysis a production cluster gets from its {@code analysis-common} module, which
 * is not published to Maven Central and so is missing from the embedded node. Registers
 * Lucene's own analysis classes under Elasticsearch's names so one index template is
 * valid on both.
 *
 * <p>
 * Only names the core node does not register itself: the node refuses to start on a
 * duplicate. The core already has the {@code stop}, {@code standard}, {@code shingle} and
 * {@code hunspell} filters and a pre-configured {@code lowercase}, so those appear here
 * at most as configurable types the core lacks.
 */
public final class LaunchpadAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of("english", EnglishAnalyzerProvider::new);
    }

    @Override
    public List<PreBuiltAnalyzerProviderFactory> getPreBuiltAnalyzerProviderFactories() {
        return List.of(new PreBuiltAnalyzerProviderFactory("english", CachingStrategy.LUCENE, EnglishAnalyzer::new));
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of("stemmer", StemmerTokenFilterFactory::new, "porter_stem",
                (indexSettings, environment, name, settings) -> new PorterStemTokenFilterFactory(name), "asciifolding",
                AsciiFoldingTokenFilterFactory::new, "word_delimiter_graph", WordDelimiterGraphTokenFilterFactory::new,
                "lowercase", LowercaseTokenFilterFactory::new, "synonym",
                AnalysisPlugin.requiresAnalysisSettings(
                        (indexSettings, environment, name, settings) -> new SynonymTokenFilterFactory(environment, name,
                                settings, SynonymTokenFilterFactory.Kind.FLAT)),
                "synonym_graph",
                AnalysisPlugin.requiresAnalysisSettings(
                        (indexSettings, environment, name, settings) -> new SynonymTokenFilterFactory(environment, name,
                                settings, SynonymTokenFilterFactory.Kind.GRAPH)));
    }

    /**
     * The filters an analyzer may name without defining them first, with their default
     * settings.
     */
    @Override
    public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
        return List.of(PreConfiguredTokenFilter.singleton("asciifolding", true, ASCIIFoldingFilter::new),
                PreConfiguredTokenFilter.singleton("porter_stem", false, PorterStemFilter::new),
                PreConfiguredTokenFilter.singleton("word_delimiter_graph", false, false,
                        input -> new WordDelimiterGraphFilter(input, WordDelimiterGraphTokenFilterFactory.DEFAULT_FLAGS,
                                null)));
    }

}
