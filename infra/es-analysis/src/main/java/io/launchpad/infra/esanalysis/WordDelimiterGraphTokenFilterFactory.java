package io.launchpad.infra.esanalysis;

import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.CATENATE_ALL;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.CATENATE_NUMBERS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.CATENATE_WORDS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.GENERATE_WORD_PARTS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.IGNORE_KEYWORDS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.PRESERVE_ORIGINAL;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.SPLIT_ON_NUMERICS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.TokenFilterFactory;

/**
 * {@code "type": "word_delimiter_graph"} with the boolean options Elasticsearch documents
 * and {@code protected_words}/{@code protected_words_path}.
 */
final class WordDelimiterGraphTokenFilterFactory extends AbstractTokenFilterFactory {

    static final int DEFAULT_FLAGS = GENERATE_WORD_PARTS | GENERATE_NUMBER_PARTS | SPLIT_ON_CASE_CHANGE
            | SPLIT_ON_NUMERICS | STEM_ENGLISH_POSSESSIVE;

    /**
     * What makes tokens stack on one position, which synonym rules cannot be parsed
     * through.
     */
    private static final int STACKING_FLAGS = CATENATE_WORDS | CATENATE_NUMBERS | CATENATE_ALL | PRESERVE_ORIGINAL;

    private final int flags;

    private final boolean adjustOffsets;

    private final CharArraySet protectedWords;

    WordDelimiterGraphTokenFilterFactory(IndexSettings indexSettings, Environment environment, String name,
            Settings settings) {
        this(name,
                flag(settings, "generate_word_parts", true, GENERATE_WORD_PARTS)
                        | flag(settings, "generate_number_parts", true, GENERATE_NUMBER_PARTS)
                        | flag(settings, "catenate_words", false, CATENATE_WORDS)
                        | flag(settings, "catenate_numbers", false, CATENATE_NUMBERS)
                        | flag(settings, "catenate_all", false, CATENATE_ALL)
                        | flag(settings, "split_on_case_change", true, SPLIT_ON_CASE_CHANGE)
                        | flag(settings, "preserve_original", false, PRESERVE_ORIGINAL)
                        | flag(settings, "split_on_numerics", true, SPLIT_ON_NUMERICS)
                        | flag(settings, "stem_english_possessive", true, STEM_ENGLISH_POSSESSIVE)
                        | flag(settings, "ignore_keywords", false, IGNORE_KEYWORDS),
                settings.getAsBoolean("adjust_offsets", true),
                Analysis.getWordSet(environment, settings, "protected_words"));
    }

    private WordDelimiterGraphTokenFilterFactory(String name, int flags, boolean adjustOffsets,
            CharArraySet protectedWords) {
        super(name);
        this.flags = flags;
        this.adjustOffsets = adjustOffsets;
        this.protectedWords = protectedWords;
    }

    private static int flag(Settings settings, String key, boolean defaultValue, int flag) {
        return settings.getAsBoolean(key, defaultValue) ? flag : 0;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new WordDelimiterGraphFilter(tokenStream, adjustOffsets, WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE,
                flags, protectedWords);
    }

    /**
     * Splits synonym rules the way indexed text is split, without the stacked tokens the
     * parser rejects.
     */
    @Override
    public TokenFilterFactory getSynonymFilter() {
        if ((flags & STACKING_FLAGS) == 0) {
            return this;
        }
        return new WordDelimiterGraphTokenFilterFactory(name(), flags & ~STACKING_FLAGS, adjustOffsets, protectedWords);
    }

}
