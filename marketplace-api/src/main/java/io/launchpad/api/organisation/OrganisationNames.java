package io.launchpad.api.organisation;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import io.launchpad.api.rules.RuleViolation;

/**
 * What an organisation's name is, as people will read it. Names are how people decide
 * whom they deal with, so two names that look the same on screen must not belong to two
 * organisations: invisible characters are refused rather than silently dropped (the
 * person sees why), letters of two scripts mixed in one word are refused (a Cyrillic "А"
 * in "Аcme"), and every name has a confusable skeleton (Unicode UTS #39) that the
 * database keeps unique.
 */
final class OrganisationNames {

    static final int MIN_LENGTH = 2;
    static final int MAX_LENGTH = 200;

    // built once: SpoofChecker is immutable after build and safe to share between threads
    private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().setChecks(SpoofChecker.CONFUSABLE)
        .build();

    private static final SpoofChecker MIXED_SCRIPTS = new SpoofChecker.Builder()
        .setChecks(SpoofChecker.RESTRICTION_LEVEL)
        .setRestrictionLevel(SpoofChecker.RestrictionLevel.MODERATELY_RESTRICTIVE)
        .build();

    private OrganisationNames() {
    }

    /**
     * The name in canonical form (NFC, trimmed, runs of whitespace as one space), or a
     * 400 naming {@code name}. Length is counted in code points after normalising, as a
     * person counts characters: "💥" is one, however many UTF-16 units it takes.
     */
    static String normalise(String raw) {
        String nfc = Normalizer2.getNFCInstance().normalize(raw == null ? "" : raw);
        StringBuilder name = new StringBuilder(nfc.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nfc.length();) {
            int codePoint = nfc.codePointAt(i);
            i += Character.charCount(codePoint);
            if (UCharacter.isUWhiteSpace(codePoint)) {
                pendingSpace = !name.isEmpty();
                continue;
            }
            if (isInvisible(codePoint)) {
                throw RuleViolation.invalid("name", "visible-characters",
                        String.format("must not contain invisible or control characters (found U+%04X)", codePoint));
            }
            if (pendingSpace) {
                name.append(' ');
                pendingSpace = false;
            }
            name.appendCodePoint(codePoint);
        }
        String normalised = name.toString();
        int length = normalised.codePointCount(0, normalised.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw RuleViolation.invalid("name", "length", "must be between " + MIN_LENGTH + " and " + MAX_LENGTH
                    + " characters once spaces are tidied (it has " + length + ")");
        }
        return normalised;
    }

    /**
     * Refuses a word that mixes scripts the way spoofs do (a Cyrillic "а" in "Pаragon");
     * words in different scripts side by side are fine. Checked after the look-alike
     * search, so a copy of a registered name is told what it copies (409) rather than
     * only that it mixes scripts.
     */
    static void checkScripts(String normalisedName) {
        for (String word : normalisedName.split(" ")) {
            if (MIXED_SCRIPTS.failsChecks(word)) {
                throw RuleViolation.invalid("name", "mixed-script",
                        "'" + word + "' mixes letters of different scripts, as names imitating others do");
            }
        }
    }

    /**
     * The name's confusable skeleton, case-insensitive: skeleton first (a capital
     * Cyrillic "Н" is a Latin "H"), then case folding, then skeleton again (so "RN" and
     * "m" meet).
     */
    static String skeleton(String normalisedName) {
        return CONFUSABLES.getSkeleton(UCharacter.foldCase(CONFUSABLES.getSkeleton(normalisedName), true));
    }

    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.FORMAT || type == Character.CONTROL || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED || type == Character.SURROGATE
                || UCharacter.hasBinaryProperty(codePoint, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
    }

}
