package io.launchpad.web.challenge;

import java.util.List;
import java.util.Set;

/** Turns the API's taxonomy slugs into words people read ("damp-and-mould" → "Damp and mould"). */
final class Labels {

    private static final Set<String> MINOR_WORDS = Set.of("and", "the", "of", "in", "on");

    private Labels() {
    }

    static String topic(String slug) {
        String words = slug.replace('-', ' ').trim();
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Regions are proper names: "north-west" → "North West", "east-of-england" → "East of England". */
    static String place(String slug) {
        StringBuilder label = new StringBuilder();
        for (String word : slug.split("-")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!label.isEmpty()) {
                label.append(' ');
            }
            boolean capitalise = label.isEmpty() || !MINOR_WORDS.contains(word);
            label.append(capitalise ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
        }
        return label.toString();
    }

    static List<String> topics(List<String> slugs) {
        return slugs.stream().map(Labels::topic).toList();
    }

    static List<String> places(List<String> slugs) {
        return slugs.stream().map(Labels::place).toList();
    }
}
