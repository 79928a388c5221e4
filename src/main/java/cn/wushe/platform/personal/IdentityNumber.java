package cn.wushe.platform.personal;

import cn.wushe.platform.Messages;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The number of a person's identity document (证件号码), in its one normalised form (half-width,
 * upper-case X, no spaces), valid for its {@link IdDocumentType}: for the 18-character forms
 * (GB 11643 resident identity number, Hong Kong/Macao/Taiwan residence permits, new foreigner's
 * permanent residence ID) the region or issuer part, a real birth date from 1900 on, and the
 * MOD 11-2 check character. Birth date and sex are derived from it, never typed.
 *
 * <p>{@link #toString()} is masked, so the number never reaches a log by accident.
 */
public record IdentityNumber(IdDocumentType type, String value) {

    /** The {@code BlindIndex} purpose of identity numbers: every module indexes them under this name. */
    public static final String BLIND_INDEX_PURPOSE = "id-number";

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65");
    private static final Pattern EIGHTEEN = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern OLD_FOREIGNER = Pattern.compile("[A-Z]{3}\\d{12}");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("uuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    public IdentityNumber {
        Objects.requireNonNull(type, () -> Messages.text("platform.identity-number.type"));
        Objects.requireNonNull(value, () -> Messages.text("platform.identity-number.number"));
        String problem = structuralProblem(type, value);
        if (problem != null) {
            throw new InvalidIdentityNumber(problem);
        }
    }

    /**
     * Normalises what a person typed and validates it fully, including that the birth date is not
     * after {@code today}.
     *
     * @throws InvalidIdentityNumber with a Chinese message naming what is wrong
     */
    public static IdentityNumber parse(IdDocumentType type, @Nullable String raw, LocalDate today) {
        String problem = problem(type, raw, today);
        if (problem != null) {
            throw new InvalidIdentityNumber(problem);
        }
        return new IdentityNumber(type, normalise(Objects.requireNonNull(raw)));
    }

    /** The Chinese message saying what is wrong with {@code raw}, or {@code null} when it is valid. */
    public static @Nullable String problem(IdDocumentType type, @Nullable String raw, LocalDate today) {
        if (raw == null || normalise(raw).isEmpty()) {
            return Messages.text("platform.field.required", type.numberLabel());
        }
        String value = normalise(raw);
        String problem = structuralProblem(type, value);
        if (problem == null && birthDateOf(type, value).isAfter(today)) {
            return Messages.text("platform.identity-number.born-after-today", type.numberLabel());
        }
        return problem;
    }

    /** Half-width digits, upper-case letters, no spaces: the one form that is stored and indexed. */
    public static String normalise(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> {
            if (cp >= 0xFF01 && cp <= 0xFF5E) {
                cp -= 0xFEE0; // full-width ASCII, as typed by Chinese input methods
            }
            if (!Character.isWhitespace(cp) && cp != 0x3000) {
                sb.appendCodePoint(Character.toUpperCase(cp));
            }
        });
        return sb.toString();
    }

    public LocalDate birthDate() {
        return birthDateOf(type, value);
    }

    /** Empty for the old foreigner's card, whose number does not encode sex. */
    public Optional<Sex> sex() {
        if (value.length() != 18) {
            return Optional.empty();
        }
        return Optional.of((value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE);
    }

    /** {@code 610527********123X}: the issuer part and the last four characters. */
    public String masked() {
        return Masking.identityNumber(value);
    }

    @Override
    public String toString() {
        return type.name() + ":" + masked();
    }

    /** The check character of GB 11643 (MOD 11-2) for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    private static @Nullable String structuralProblem(IdDocumentType type, String value) {
        String label = type.numberLabel();
        if (type == IdDocumentType.FOREIGNER_PERMANENT_RESIDENCE && value.length() == 15) {
            return oldForeignerProblem(value, label);
        }
        if (type == IdDocumentType.RESIDENT_ID && value.length() == 15 && value.chars().allMatch(Character::isDigit)) {
            return Messages.text("platform.identity-number.old-resident-id");
        }
        if (value.length() != 18) {
            return Messages.text("platform.identity-number.length", label, value.length());
        }
        if (!EIGHTEEN.matcher(value).matches()) {
            return Messages.text("platform.identity-number.characters", label);
        }
        String issuerProblem = issuerProblem(type, value, label);
        if (issuerProblem != null) {
            return issuerProblem;
        }
        String dateProblem = dateProblem(value.substring(6, 14), label);
        if (dateProblem != null) {
            return dateProblem;
        }
        if (checkCharacter(value) != value.charAt(17)) {
            return Messages.text("platform.identity-number.check-character", label);
        }
        return null;
    }

    private static @Nullable String issuerProblem(IdDocumentType type, String value, String label) {
        String prefix = value.substring(0, 6);
        return switch (type) {
            case RESIDENT_ID -> {
                if (prefix.equals("810000") || prefix.equals("820000") || prefix.equals("830000")) {
                    yield Messages.text("platform.identity-number.permit-prefix", prefix);
                }
                if (value.startsWith("9")) {
                    yield Messages.text("platform.identity-number.foreigner-prefix");
                }
                yield PROVINCES.contains(value.substring(0, 2)) ? null
                        : Messages.text("platform.identity-number.province", label, value.substring(0, 2));
            }
            case HK_MACAO_RESIDENCE_PERMIT -> prefix.equals("810000") || prefix.equals("820000") ? null
                    : Messages.text("platform.identity-number.hk-macao-prefix", label);
            case TAIWAN_RESIDENCE_PERMIT -> prefix.equals("830000") ? null : Messages.text("platform.identity-number.taiwan-prefix", label);
            case FOREIGNER_PERMANENT_RESIDENCE -> value.startsWith("9") && PROVINCES.contains(value.substring(1, 3))
                    ? null : Messages.text("platform.identity-number.foreigner-new", label);
        };
    }

    private static @Nullable String oldForeignerProblem(String value, String label) {
        if (!OLD_FOREIGNER.matcher(value).matches()) {
            return Messages.text("platform.identity-number.foreigner-old", label);
        }
        try {
            LocalDate.parse(value.substring(5, 11), YYMMDD);
            return null;
        } catch (DateTimeParseException e) {
            return Messages.text("platform.identity-number.no-such-date", label, value.substring(5, 11));
        }
    }

    /** {@code digits} are eight digits (checked before): yyyyMMdd. */
    private static @Nullable String dateProblem(String digits, String label) {
        LocalDate date = yyyyMMdd(digits, 0);
        if (date == null) {
            return Messages.text("platform.identity-number.no-such-date", label, digits);
        }
        return date.isBefore(EARLIEST) ? Messages.text("platform.identity-number.before-1900", label) : null;
    }

    /**
     * The date written as eight digits from {@code from}, or {@code null} when there is no such day.
     * By hand rather than by a DateTimeFormatter: a roster import reads every birth date several
     * times, and the formatter's parse was a tenth of its check.
     */
    private static @Nullable LocalDate yyyyMMdd(String value, int from) {
        int year = digits(value, from, 4);
        int month = digits(value, from + 4, 2);
        int day = digits(value, from + 6, 2);
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String value, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            n = n * 10 + (value.charAt(i) - '0');
        }
        return n;
    }

    private static LocalDate birthDateOf(IdDocumentType type, String value) {
        if (value.length() == 18) {
            return Objects.requireNonNull(yyyyMMdd(value, 6));
        }
        // the old card (issued 2004-2017) has a two-digit year: uu resolves to 2000-2099, so pull later years back a century
        LocalDate date = LocalDate.parse(value.substring(5, 11), YYMMDD);
        return date.getYear() > 2017 ? date.minusYears(100) : date;
    }
}
