package kz.elections.violations.complaints;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tracking numbers that cannot be guessed, since the status page is public: {@code C-} and 10 characters
 * drawn by a secure random generator from 31 letters and digits that are not mistaken for one another
 * when read out or typed (no 0/O, 1/I/L): about 8 * 10^14 numbers, so that with 100,000 complaints a day of
 * a thousand guesses a second finds one with a chance of about 1 in 100. A number is unique by the table's
 * key; a taken one is drawn again.
 */
final class TrackingNumbers {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 10;
    static final Pattern SHAPE = Pattern.compile("C-[" + ALPHABET + "]{" + LENGTH + "}");

    private final SecureRandom random = new SecureRandom();

    String next() {
        StringBuilder number = new StringBuilder("C-");
        for (int i = 0; i < LENGTH; i++) {
            number.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return number.toString();
    }

    /** The number as a complainant may type it: upper case, without surrounding blanks. */
    static String normalized(String typed) {
        return typed == null ? null : typed.strip().toUpperCase(Locale.ROOT);
    }
}
