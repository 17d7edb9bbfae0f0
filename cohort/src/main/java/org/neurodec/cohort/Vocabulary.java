package org.neurodec.cohort;

import java.util.List;

/** The words of the cohort, by semantic category. */
public final class Vocabulary {

    /** How many categories there are. */
    public static final int CATEGORIES = 6;
    /** How many words each category has. */
    public static final int WORDS_PER_CATEGORY = 10;

    private static final List<String> NAMES = List.of("animal", "tool", "food", "vehicle", "body", "building");
    private static final List<List<String>> WORDS = List.of(
            List.of("dog", "cat", "horse", "cow", "bear", "mouse", "lion", "sheep", "rabbit", "camel"),
            List.of("hammer", "saw", "drill", "chisel", "wrench", "pliers", "screwdriver", "file", "axe", "shovel"),
            List.of("bread", "apple", "cheese", "carrot", "celery", "corn", "lettuce", "tomato", "egg", "rice"),
            List.of("car", "truck", "train", "bicycle", "airplane", "boat", "bus", "tractor", "ship", "scooter"),
            List.of("hand", "foot", "arm", "leg", "eye", "nose", "ear", "mouth", "knee", "finger"),
            List.of("house", "church", "barn", "tower", "castle", "hut", "igloo", "school", "palace", "cabin"));

    private Vocabulary() {
    }

    /** The name of category {@code c}. */
    public static String category(int c) {
        return NAMES.get(c);
    }

    /** Word {@code w} of category {@code c}. */
    public static String word(int c, int w) {
        return WORDS.get(c).get(w);
    }
}
