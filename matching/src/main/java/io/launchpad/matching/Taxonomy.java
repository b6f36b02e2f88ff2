package io.launchpad.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;
import java.util.Collection;
import java.util.Collections;

/**
 * The housing taxonomy as versioned data ({@code taxonomy/housing-taxonomy-v1.json}): the
 * codes challenges and profiles are tagged with, their labels, and the alternative labels
 * and synonyms that the text analyser expands ("mould" finds "condensation"). One file is
 * the single source: the API validates codes against it, the index set-up generates
 * synonym rules from it, and the rankers infer a profile's categories from it.
 *
 * @param version changes whenever a code is added or a meaning changes; clients cache by
 * it
 * @param vocabularies vocabulary name ({@link #CATEGORY}, ...) → its terms in display
 * order
 */
public record Taxonomy(String version, String description, Map<String, List<Term>> vocabularies) {

    public static final String CATEGORY = "category";

    public static final String CAPABILITY = "capability";

    public static final String REGION = "region";

    public static final String ACCREDITATION = "accreditation";

    public static final String ORGANISATION_SIZE = "organisation-size";

    /**
     * The region code that means "delivers anywhere": a supplier serving it serves every
     * region.
     */
    public static final String REMOTE = "remote";

    /**
     * Vocabularies whose words describe work, so their synonyms belong in the text
     * analyser (places and sizes do not).
     */
    private static final List<String> ANALYSED = List.of(CATEGORY, CAPABILITY, ACCREDITATION);

    /**
     * Synonym rules are comma separated and parsed by Solr's syntax: only plain words and
     * spaces are safe in them.
     */
    private static final Pattern SAFE_PHRASE = Pattern.compile("[a-z0-9][a-z0-9 -]*[a-z0-9]");

    private static final String RESOURCE = "/taxonomy/housing-taxonomy-v1.json";

    private static final Taxonomy HOUSING = load(RESOURCE);

    /**
     * @param altLabels other names people use for the same thing
     * @param synonyms words that, in a challenge or profile, signal this term
     * @param satisfies codes of the same vocabulary that holding this one also meets (a
     * broader accreditation satisfies a narrower requirement: Cyber Essentials Plus →
     * Cyber Essentials)
     */
    public record Term(String code, String label, List<String> altLabels, List<String> synonyms,
            List<String> satisfies) {

        public Term {
            altLabels = altLabels == null ? List.of() : List.copyOf(altLabels);
            synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
            satisfies = satisfies == null ? List.of() : List.copyOf(satisfies);
        }

        public Term(String code, String label, List<String> altLabels, List<String> synonyms) {
            this(code, label, altLabels, synonyms, List.of());
        }

        /** Label, alternative labels and synonyms, lower case, without duplicates. */
        public List<String> phrases() {
            Set<String> all = new LinkedHashSet<>();
            all.add(label.toLowerCase(Locale.ROOT));
            altLabels.forEach(p -> all.add(p.toLowerCase(Locale.ROOT)));
            synonyms.forEach(p -> all.add(p.toLowerCase(Locale.ROOT)));
            return List.copyOf(all);
        }
    }

    public Taxonomy {
        Map<String, List<Term>> copy = new LinkedHashMap<>();
        vocabularies.forEach((name, terms) -> copy.put(name, List.copyOf(terms)));
        vocabularies = Collections.unmodifiableMap(copy);
    }

    /** The taxonomy this release ships. */
    public static Taxonomy housing() {
        return HOUSING;
    }

    public List<Term> terms(String vocabulary) {
        List<Term> terms = vocabularies.get(vocabulary);
        if (terms == null) {
            throw new IllegalArgumentException("no vocabulary " + vocabulary + " in " + version);
        }
        return terms;
    }

    public boolean knows(String vocabulary, String code) {
        return code != null && terms(vocabulary).stream().anyMatch(term -> term.code().equals(code));
    }

    public Optional<Term> term(String vocabulary, String code) {
        return terms(vocabulary).stream().filter(term -> term.code().equals(code)).findFirst();
    }

    /** Code → label, in display order. */
    public Map<String, String> labels(String vocabulary) {
        Map<String, String> labels = new LinkedHashMap<>();
        terms(vocabulary).forEach(term -> labels.put(term.code(), term.label()));
        return Collections.unmodifiableMap(labels);
    }

    /**
     * The codes whose holder meets a requirement for {@code required}: itself and every
     * code that satisfies it, directly or through another (implication rules are data,
     * see {@link Term#satisfies}).
     */
    public List<String> satisfiersOf(String vocabulary, String required) {
        Set<String> found = new LinkedHashSet<>(List.of(required));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Term term : terms(vocabulary)) {
                if (!found.contains(term.code()) && term.satisfies().stream().anyMatch(found::contains)) {
                    grew = found.add(term.code());
                }
            }
        }
        return List.copyOf(found);
    }

    /**
     * What holding {@code held} meets: the codes themselves and everything they satisfy,
     * transitively.
     */
    public Set<String> met(String vocabulary, Collection<String> held) {
        Set<String> met = new LinkedHashSet<>(held);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Term term : terms(vocabulary)) {
                if (met.contains(term.code())) {
                    for (String narrower : term.satisfies()) {
                        grew |= met.add(narrower);
                    }
                }
            }
        }
        return Collections.unmodifiableSet(met);
    }

    public List<String> codes(String vocabulary) {
        return terms(vocabulary).stream().map(Term::code).toList();
    }

    /**
     * Equivalence rules in Solr syntax ({@code "mould, mold, condensation"}), one per
     * term with at least two usable phrases, for the synonym filter. Phrases holding
     * punctuation are left out rather than escaped: a broken rule would stop the index
     * template from loading.
     */
    public List<String> synonymRules() {
        List<String> rules = new ArrayList<>();
        for (String vocabulary : ANALYSED) {
            for (Term term : terms(vocabulary)) {
                List<String> phrases = term.phrases().stream().filter(p -> SAFE_PHRASE.matcher(p).matches()).toList();
                if (phrases.size() >= 2) {
                    rules.add(String.join(", ", phrases));
                }
            }
        }
        return rules;
    }

    static Taxonomy load(String resource) {
        try (InputStream json = Taxonomy.class.getResourceAsStream(resource)) {
            if (json == null) {
                throw new IOException("missing classpath resource " + resource);
            }
            return JsonMapper.builder().build().readValue(json, Taxonomy.class);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
