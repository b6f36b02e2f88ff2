package io.launchpad.infra.esanalysis;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * {@code "type": "stemmer"} with {@code language} (or its alias {@code name}), English by
 * default. Only the English stemmers: Launchpad's content is English, and an unsupported
 * language fails loudly rather than silently indexing unstemmed text.
 */
final class StemmerTokenFilterFactory extends AbstractTokenFilterFactory {

    private static final Map<String, UnaryOperator<TokenStream>> STEMMERS = new TreeMap<>(
            Map.of("english", PorterStemFilter::new, "porter", PorterStemFilter::new, "porter2",
                    input -> new SnowballFilter(input, new EnglishStemmer()), "light_english", KStemFilter::new,
                    "kstem", KStemFilter::new, "minimal_english", EnglishMinimalStemFilter::new, "possessive_english",
                    EnglishPossessiveFilter::new));

    private final UnaryOperator<TokenStream> stemmer;

    StemmerTokenFilterFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
        super(name);
        String language = settings.get("language", settings.get("name", "english"));
        UnaryOperator<TokenStream> stemmer = STEMMERS.get(language);
        if (stemmer == null) {
            throw new IllegalArgumentException("stemmer [" + name + "]: language [" + language
                    + "] is not available on the embedded node; use one of " + STEMMERS.keySet());
        }
        this.stemmer = stemmer;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return stemmer.apply(tokenStream);
    }

}
