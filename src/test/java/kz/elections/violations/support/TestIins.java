package kz.elections.violations.support;

import java.util.concurrent.atomic.AtomicInteger;

import kz.elections.violations.intake.IdentificationNumber;

/** Valid IINs for tests, each new: a fixed birth date and a running serial, skipping serials without a check digit. */
public final class TestIins {

    private static final AtomicInteger SERIAL = new AtomicInteger(1000);

    private TestIins() {
    }

    public static String next() {
        while (true) {
            String first11 = "8503124" + String.format("%04d", SERIAL.incrementAndGet() % 10000);
            for (int check = 0; check <= 9; check++) {
                if (IdentificationNumber.isValid(first11 + check)) {
                    return first11 + check;
                }
            }
        }
    }
}
