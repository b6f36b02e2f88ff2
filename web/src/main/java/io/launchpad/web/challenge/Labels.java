package io.launchpad.web.challenge;

/**
 * Words for codes the configuration has no label for ("caseStudies" → "Case studies").
 */
final class Labels {

    private Labels() {
    }

    static String topic(String code) {
        String words = code.replaceAll("([a-z])([A-Z])", "$1 $2")
            .replace('-', ' ')
            .replace('_', ' ')
            .trim()
            .toLowerCase();
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

}
