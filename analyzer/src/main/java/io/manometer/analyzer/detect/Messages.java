package io.manometer.analyzer.detect;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of the findings and of the settings, kept in messages.properties apart from the logic
 * that fills them in. What each {@code {n}} of a key is, is written beside the key.
 */
final class Messages {
    static final String BUNDLE_NAME = "io.manometer.analyzer.detect.messages";
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle(BUNDLE_NAME, Locale.ROOT);

    private Messages() {}

    /**
     * Formats a message; a variant key ({@code x.explanation.unknown-rates}) a kind does not define
     * falls back to the key it varies ({@code x.explanation}).
     */
    static String format(String key, Object... arguments) {
        return new MessageFormat(BUNDLE.getString(resolve(key)), Locale.ROOT).format(arguments);
    }

    /** The key that {@link #format} uses for {@code key}: itself, or the nearest key it varies. */
    static String resolve(String key) {
        String found = key;
        while (!BUNDLE.containsKey(found) && found.lastIndexOf('.') > 0) {
            found = found.substring(0, found.lastIndexOf('.'));
        }
        return found;
    }

    /** How a growth ended: still climbing at the end of the recording, or slowing towards it. */
    static String trendAtEnd(boolean stillGrowing) {
        return format(stillGrowing ? "still-growing" : "slowing");
    }

    /** What a setting of a detector means: the detector's own words, else the shared ones. */
    static String setting(String detectorId, String key) {
        String own = detectorId + ".setting." + key;
        return BUNDLE.getString(BUNDLE.containsKey(own) ? own : "setting." + key);
    }
}
