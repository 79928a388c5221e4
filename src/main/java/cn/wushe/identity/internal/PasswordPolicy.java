package cn.wushe.identity.internal;

import cn.wushe.platform.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password must be (等保 2.0 §8.1.4.1a: 口令复杂度): 8–64 characters, at least three of
 * upper case, lower case, digit and symbol, not containing the login name, not on the list of
 * commonly used passwords. Applies to every password a person chooses.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 64;

    /** One rule, with its Chinese message. */
    public enum Rule {
        TOO_SHORT(Messages.text("identity.password.too-short", MIN_LENGTH)),
        TOO_LONG(Messages.text("identity.password.too-long", MAX_LENGTH)),
        TOO_FEW_CLASSES(Messages.text("identity.password.too-few-classes")),
        CONTAINS_USERNAME(Messages.text("identity.password.contains-username")),
        COMMON(Messages.text("identity.password.common"));

        private final String message;

        Rule(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = loadCommon();
    }

    /** The rules {@code password} breaks for the account {@code username}; empty if it is acceptable. */
    public List<Rule> violations(String password, String username) {
        List<Rule> broken = new ArrayList<>();
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            broken.add(Rule.TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            broken.add(Rule.TOO_LONG);
        }
        if (characterClasses(password) < 3) {
            broken.add(Rule.TOO_FEW_CLASSES);
        }
        if (!username.isEmpty() && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            broken.add(Rule.CONTAINS_USERNAME);
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            broken.add(Rule.COMMON);
        }
        return broken;
    }

    /** Whether {@code password} is on the common list (e.g. the well-known demo password). */
    public boolean isCommon(String password) {
        return common.contains(password.toLowerCase(Locale.ROOT));
    }

    static int characterClasses(String password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                symbol = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    private static Set<String> loadCommon() {
        try (InputStream in = new ClassPathResource("identity/common-passwords.txt").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("identity.password.common-list-missing"), e);
        }
    }
}
