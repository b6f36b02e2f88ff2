package io.launchpad.matching.ranking;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.regex.MatchResult;

/**
 * How much substance a profile has, 0–1: sentences that say something, capabilities
 * described in more than a word or two. A profile that is a bare line ("Coming soon.") or
 * a list of sector terms without sentences ("Repairs voids damp mould retrofit arrears
 * ...") has little: whatever its words share with a challenge, it has not shown it can do
 * the work, so its score is scaled down ({@link #factor}), which caps it: at most
 * {@code 100 · factor}, and thin profiles keep their order among themselves.
 *
 * <p>
 * A sentence counts when it has at least {@link #MIN_SENTENCE_WORDS} words and reads as
 * language rather than a term list: a share of English function words ("we", "and", "of",
 * "for") that every written sentence has and a stuffed list of nouns does not. This is
 * language-generic on purpose: no topic words, so it does not favour any sector's
 * vocabulary.
 */
final class ProfileQuality {

    static final int MIN_SENTENCE_WORDS = 6;
    static final double MIN_FUNCTION_SHARE = 0.12;

    /**
     * Sentences (capabilities with content count half) that make a fully substantive
     * profile.
     */
    static final double FULL = 5;

    /** Below this a profile "has little detail" and its explanation says so. */
    static final double LITTLE_DETAIL = 0.4;

    /** From this on the profile is not capped at all. */
    static final double NO_CAP = 0.6;

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");

    private static final Pattern LIST_ITEM = Pattern.compile("\\n+|;|•");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

    private static final Set<String> FUNCTION_WORDS = Set
        .of(("a an the and or but nor of to in on at by for from with without "
                + "into onto over under about after before during between through within across per than then so as if when "
                + "while which who whom whose that this these those it its we our us you your they their them he she his her "
                + "is are was were be been being am has have had do does did can could will would should may might must shall "
                + "not no each every all any some more most such very also only just up out")
            .split(" "));

    private ProfileQuality() {
    }

    /** 0–1 from the profile's own text; 0 when it has none. */
    static double of(@Nullable String summary, @Nullable String capabilities, @Nullable String products,
            @Nullable String caseStudies) {
        double sentences = Stream.of(summary, products, caseStudies)
            .filter(Objects::nonNull)
            .flatMap(SENTENCE_END::splitAsStream)
            .filter(ProfileQuality::isSentence)
            .count();
        double describedCapabilities = capabilities == null ? 0
                : LIST_ITEM.splitAsStream(capabilities).filter(item -> words(item).length >= 3).count();
        return Math.min(1, (sentences + 0.5 * describedCapabilities) / FULL);
    }

    /**
     * What the score is multiplied by: 1 from {@link #NO_CAP} up, falling to 0 for a
     * profile with no substance.
     */
    static double factor(double quality) {
        return Math.min(1, Math.max(0, quality) / NO_CAP);
    }

    /** The highest score a profile of this quality can reach. */
    static int cap(double quality) {
        return (int) Math.round(100 * factor(quality));
    }

    static boolean littleDetail(double quality) {
        return quality < LITTLE_DETAIL;
    }

    static boolean isSentence(String text) {
        String[] words = words(text);
        if (words.length < MIN_SENTENCE_WORDS) {
            return false;
        }
        long function = Arrays.stream(words).filter(FUNCTION_WORDS::contains).count();
        return (double) function / words.length >= MIN_FUNCTION_SHARE;
    }

    private static String[] words(String text) {
        return WORD.matcher(text.toLowerCase(Locale.ROOT)).results().map(MatchResult::group).toArray(String[]::new);
    }

}
