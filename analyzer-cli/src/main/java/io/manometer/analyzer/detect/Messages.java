package io.manometer.analyzer.detect;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The words of the findings, kept in messages.properties apart from the logic that fills them in. */
final class Messages {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("io.manometer.analyzer.detect.messages",
            Locale.ROOT);

    private Messages() {}

    static String format(String key, Object... arguments) {
        return new MessageFormat(BUNDLE.getString(key), Locale.ROOT).format(arguments);
    }
}
