package io.manometer.analyzer.detect;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The words of the findings, kept in messages.properties apart from the logic that fills them in. */
final class Messages {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("io.manometer.analyzer.detect.messages",
            Locale.ROOT);

    private Messages() {}

    /**
     * Formats a message; a variant key ({@code x.explanation.unknown-rates}) a kind does not define
     * falls back to the key it varies ({@code x.explanation}).
     */
    static String format(String key, Object... arguments) {
        String found = key;
        while (!BUNDLE.containsKey(found) && found.lastIndexOf('.') > 0) {
            found = found.substring(0, found.lastIndexOf('.'));
        }
        return new MessageFormat(BUNDLE.getString(found), Locale.ROOT).format(arguments);
    }
}
