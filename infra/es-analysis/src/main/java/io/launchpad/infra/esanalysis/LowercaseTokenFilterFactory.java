package io.launchpad.infra.esanalysis;

import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.el.GreekLowerCaseFilter;
import org.apache.lucene.analysis.ga.IrishLowerCaseFilter;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;

/**
 * {@code "type": "lowercase"} with {@code language} (greek, irish, turkish). The core
 * node only has the pre-configured {@code lowercase}, which cannot take settings.
 */
final class LowercaseTokenFilterFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {

    private final UnaryOperator<TokenStream> lowercase;

    LowercaseTokenFilterFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
        super(name);
        String language = settings.get("language");
        this.lowercase = switch (language == null ? "" : language) {
            case "" -> LowerCaseFilter::new;
            case "greek" -> GreekLowerCaseFilter::new;
            case "irish" -> IrishLowerCaseFilter::new;
            case "turkish" -> TurkishLowerCaseFilter::new;
            default -> throw new IllegalArgumentException(
                    "lowercase [" + name + "]: language [" + language + "] is not one of greek, irish, turkish");
        };
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return lowercase.apply(tokenStream);
    }

}
