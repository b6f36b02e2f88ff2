package io.launchpad.infra.esanalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.StopFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synonym filter built the way a node builds it (chain first, then tokens), without a
 * node: the cases the end-to-end test in infra/stack does not reach.
 */
class SynonymTokenFilterFactoryTest {

    private static final TokenizerFactory STANDARD = TokenizerFactory.newFactory("standard", StandardTokenizer::new);

    private static final TokenFilterFactory LOWERCASE = new LowercaseTokenFilterFactory(null, null, "lowercase",
            Settings.EMPTY);

    private static final TokenFilterFactory STEMMER = new StemmerTokenFilterFactory(null, null, "stemmer",
            Settings.EMPTY);

    private static final TokenFilterFactory STOP = new AbstractTokenFilterFactory("stop") {
        @Override
        public TokenStream create(TokenStream tokenStream) {
            return new StopFilter(tokenStream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        }
    };

    @TempDir
    Path home;

    @Test
    void rulesAreParsedThroughTheFiltersBeforeThem() throws IOException {
        TokenFilterFactory synonyms = chained(Settings.builder().putList("synonyms", "mould, condensation").build(),
                LOWERCASE, STEMMER);

        assertThat(analyze("Mould", LOWERCASE, STEMMER, synonyms)).containsExactlyInAnyOrder("mould", "condens");
    }

    @Test
    void explicitMappingsReplaceTheInput() throws IOException {
        TokenFilterFactory synonyms = chained(Settings.builder().putList("synonyms", "iot => sensor").build(),
                LOWERCASE);

        assertThat(analyze("IoT", LOWERCASE, synonyms)).containsExactly("sensor");
    }

    @Test
    void stackedTokensBeforeTheSynonymsDoNotBreakParsing() throws IOException {
        TokenFilterFactory folding = new AsciiFoldingTokenFilterFactory(null, null, "folding",
                Settings.builder().put("preserve_original", true).build());
        TokenFilterFactory splitting = new WordDelimiterGraphTokenFilterFactory(null, environment(), "wdg",
                Settings.builder().put("catenate_all", true).put("preserve_original", true).build());
        TokenFilterFactory synonyms = chained(Settings.builder().putList("synonyms", "café, coffee shop").build(),
                LOWERCASE, folding, splitting);

        assertThat(analyze("cafe", LOWERCASE, folding, splitting, synonyms)).contains("cafe", "coffee", "shop");
    }

    @Test
    void aRuleTheChainEliminatesFailsUnlessLenient() throws IOException {
        Settings strict = Settings.builder().putList("synonyms", "the, a", "damp, mould").build();
        assertThatThrownBy(() -> chained(strict, LOWERCASE, STOP)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("completely eliminated");

        Settings lenient = Settings.builder().put(strict).put("lenient", true).build();
        TokenFilterFactory synonyms = chained(lenient, LOWERCASE, STOP);
        assertThat(analyze("damp", LOWERCASE, STOP, synonyms)).containsExactlyInAnyOrder("damp", "mould");
    }

    @Test
    void rulesComeFromAFileUnderTheConfigFolder() throws IOException {
        Files.createDirectories(home.resolve("config/analysis"));
        Files.writeString(home.resolve("config/analysis/housing.txt"), "# housing terms\nvoid, empty home\n");
        TokenFilterFactory synonyms = chained(Settings.builder().put("synonyms_path", "analysis/housing.txt").build(),
                LOWERCASE);

        assertThat(analyze("voids", LOWERCASE, STEMMER, synonyms)).contains("void");
        assertThat(analyze("void", LOWERCASE, synonyms)).contains("void", "empty", "home");
    }

    @Test
    void withoutRulesTheFilterIsRejected() {
        assertThatThrownBy(() -> new SynonymTokenFilterFactory(environment(), "synonyms", Settings.EMPTY,
                SynonymTokenFilterFactory.Kind.GRAPH))
            .hasMessageContaining("requires either synonyms or synonyms_path");
    }

    @Test
    void onlyTheSolrFormatIsAccepted() {
        Settings wordnet = Settings.builder()
            .putList("synonyms", "s(100000001,1,'mould',n,1,0).")
            .put("format", "wordnet")
            .build();
        assertThatThrownBy(() -> new SynonymTokenFilterFactory(environment(), "synonyms", wordnet,
                SynonymTokenFilterFactory.Kind.GRAPH))
            .hasMessageContaining("format [wordnet] is not supported");
    }

    private TokenFilterFactory chained(Settings settings, TokenFilterFactory... before) {
        SynonymTokenFilterFactory factory = new SynonymTokenFilterFactory(environment(), "synonyms", settings,
                SynonymTokenFilterFactory.Kind.GRAPH);
        return factory.getChainAwareTokenFilterFactory(IndexCreationContext.CREATE_INDEX, STANDARD, List.of(),
                List.of(before), name -> null);
    }

    private Environment environment() {
        return new Environment(Settings.builder().put("path.home", home.toString()).build(), home.resolve("config"));
    }

    private static List<String> analyze(String text, TokenFilterFactory... filters) throws IOException {
        Tokenizer tokenizer = STANDARD.create();
        tokenizer.setReader(new StringReader(text));
        TokenStream chain = tokenizer;
        for (TokenFilterFactory filter : filters) {
            chain = filter.create(chain);
        }
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = chain) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        }
        return tokens;
    }

}
