package kz.elections.violations.intake;

import kz.elections.violations.intake.IdentificationNumber;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentificationNumberTest {

    @Test
    void firstPassCheckDigit() {
        // 8,5,0,3,1,2,4,1,0,0,1 weighted 1..11 = 8+10+0+12+5+12+28+8+0+0+11 = 94; 94 mod 11 = 6
        assertThat(IdentificationNumber.isValid("850312410016")).isTrue();
        assertThat(IdentificationNumber.isValid("850312410017")).isFalse();
    }

    @Test
    void secondPassWhenTheFirstGivesTen() {
        // 0,0,0,0,0,0,0,0,0,1,0 weighted 1..11 = 10 -> second pass with 3..11,1,2: 1*1 = 1
        assertThat(IdentificationNumber.isValid("000000000101")).isTrue();
        assertThat(IdentificationNumber.isValid("000000000100")).isFalse();
    }

    @Test
    void neverIssuedWhenBothPassesGiveTen() {
        // a prefix whose first and second weighted sums are both 10 mod 11 has no check digit at all
        String bothTen = findNumberWhoseBothPassesGiveTen();
        for (int check = 0; check <= 9; check++) {
            assertThat(IdentificationNumber.isValid(bothTen + check)).isFalse();
        }
    }

    private static String findNumberWhoseBothPassesGiveTen() {
        int[] first = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        int[] second = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
        for (long n = 0; n < 100_000_000_000L; n += 7919) {
            String digits = String.format("%011d", n);
            int a = 0;
            int b = 0;
            for (int i = 0; i < 11; i++) {
                a += (digits.charAt(i) - '0') * first[i];
                b += (digits.charAt(i) - '0') * second[i];
            }
            if (a % 11 == 10 && b % 11 == 10) {
                return digits;
            }
        }
        throw new AssertionError("no such prefix found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345678901", "1234567890123", "85031241001a", "8503 2410016"})
    void twelveDigitsOnly(String number) {
        assertThat(IdentificationNumber.isValid(number)).isFalse();
    }
}
