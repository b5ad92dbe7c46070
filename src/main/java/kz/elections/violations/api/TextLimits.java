package kz.elections.violations.api;

import java.util.List;

/**
 * How long each text a user sends may be, in characters, and which characters no text may hold.
 * Every limit lies within the column that stores the text: the engine keeps a text variable in a column
 * of 4,000 characters, {@code case_report} keeps the offender's name in 300 and the region in 200, the
 * {@code election} table the name in 200 and the id in 64. A longer text is refused naming its field
 * instead of failing in the database.
 * <p>
 * Control characters (NUL, escape, the C1 range, ...) have no place in a name, a place or a number and
 * would break the logs, CSV exports and the databases' text types; only a description, which spans
 * lines, may hold tab, line feed and carriage return.
 */
public final class TextLimits {

    /** The fact's description (a multi-line text). */
    public static final int DESCRIPTION = 4_000;
    /** The offender's name. */
    public static final int OFFENDER_NAME = 300;
    /** The election's name (the {@code election} table holds 200 characters). */
    public static final int ELECTION_NAME = 200;
    /** Where the fact was committed. */
    public static final int PLACE = 500;
    /** The region, as a code or a name. */
    public static final int REGION = 100;
    /** A commission's decision number. */
    public static final int DECISION_NUMBER = 100;
    /** An id a request refers to, such as the election's (the {@code election} table holds 64). */
    public static final int IDENTIFIER = 64;
    /** Codes and numbers of a fixed shape (offender kind, source, code, article, part, IIN, BIN, district). */
    public static final int CODE = 100;

    private TextLimits() {
    }

    /**
     * The rule a text breaks, or null when it keeps them all.
     *
     * @param multiline whether tab, line feed and carriage return are allowed (a description)
     */
    public static String problem(String text, int limit, boolean multiline) {
        Broken broken = broken(text, limit, multiline);
        return broken == null ? null : broken.message();
    }

    /** The rule a text breaks, with its key in the refusal catalogue, or null when it keeps them all. */
    public static Broken broken(String text, int limit, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
                return new Broken(multiline ? "text.control.multiline" : "text.control",
                        "must not contain control characters" + (multiline ? " other than tab and line breaks" : "")
                        + String.format(" (U+%04X at character %d)", (int) c, i + 1), List.of(i + 1));
            }
        }
        int length = text.codePointCount(0, text.length());
        if (length > limit) {
            return new Broken("text.tooLong", "must be at most " + limit + " characters (got " + length + ")",
                    List.of(limit, length));
        }
        return null;
    }

    /** A rule of texts a value breaks: its key in the refusal catalogue, the English words, the arguments. */
    public record Broken(String rule, String message, List<Object> arguments) {
    }

    /**
     * A user's value as it may be quoted in a message or a log line: on one line, control characters
     * escaped, and cut after 60 characters.
     */
    public static String quote(String text) {
        return quote(text, 60);
    }

    /** The text on one line, control characters escaped, cut after {@code max} characters. */
    public static String quote(String text, int max) {
        StringBuilder quoted = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            quoted.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            if (quoted.length() > max) {
                return quoted.substring(0, max) + "…";
            }
        }
        return quoted.toString();
    }
}
