package io.launchpad.matching.indexes;

import java.util.regex.Pattern;

/**
 * Names of the matching indexes. Readers and writers use the aliases only; the versioned
 * index behind an alias can be rebuilt (v2) and swapped in without the app noticing.
 */
public record IndexNames(String prefix) {

    /**
     * The schema version of the indexes this code creates; bump it with a new template
     * file.
     */
    static final int SCHEMA_VERSION = 1;

    private static final Pattern VALID_PREFIX = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    public IndexNames {
        if (prefix == null || !VALID_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException(
                    "launchpad.matching.index-prefix must be lower case letters, digits, - or _; was " + prefix);
        }
    }

    public String suppliers() {
        return prefix + "-suppliers";
    }

    public String challenges() {
        return prefix + "-challenges";
    }

    /** Board candidates who chose to be matched, without identifying fields. */
    public String candidates() {
        return prefix + "-candidates";
    }

    public String boardRoles() {
        return prefix + "-board-roles";
    }

    /**
     * The physical index IndexSetup creates behind {@code alias}; a reindex names its new
     * index after it.
     */
    public String versioned(String alias) {
        return alias + "-v" + SCHEMA_VERSION;
    }

    String textAnalysisComponent() {
        return prefix + "-text-analysis";
    }
}
