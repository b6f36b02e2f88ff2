package io.launchpad.infra.esanalysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;

/** {@code "type": "porter_stem"}: the classic Porter stemmer, no settings. */
final class PorterStemTokenFilterFactory extends AbstractTokenFilterFactory {

    PorterStemTokenFilterFactory(String name) {
        super(name);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new PorterStemFilter(tokenStream);
    }

}
