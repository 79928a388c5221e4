package cn.wushe.platform;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The wording users read, from {@code messages.properties}: every refusal, validation message and
 * label that Java code produces is a key there ({@code <module>.<subject>.<what>}), so a wording is
 * changed in one place. Templates read the same keys with {@code #{…}} through Spring's
 * {@code MessageSource}, which formats them the same way.
 *
 * <p>Static on purpose: value objects validate in their constructors, where no bean is at hand.
 */
public final class Messages {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("messages", Locale.ROOT);

    private Messages() {
    }

    /**
     * The message of {@code key}, with {@code {0}}, {@code {1}} … replaced by {@code args} (as
     * {@link MessageFormat} does: a literal quote in a message with arguments is written {@code ''}).
     * Numbers are written as plain digits (a row number 12345, not 12,345).
     *
     * @throws MissingResourceException for an unknown key: a missing wording is a bug, caught by tests
     */
    public static String text(String key, Object... args) {
        String pattern = BUNDLE.getString(key);
        if (args.length == 0) {
            return pattern;
        }
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = args[i] instanceof Number n ? n.toString() : args[i];
        }
        return new MessageFormat(pattern, CHINESE).format(plain);
    }

    /**
     * The keys starting with {@code prefix}, sorted, for a choice among every labelled code of a
     * family (the audit page's actions). Never null.
     */
    public static List<String> keysStartingWith(String prefix) {
        return BUNDLE.keySet().stream().filter(key -> key.startsWith(prefix)).sorted().toList();
    }

    /** Whether {@code key} has a wording, for labels that fall back to the raw code. */
    public static boolean has(String key) {
        return BUNDLE.containsKey(key);
    }
}
