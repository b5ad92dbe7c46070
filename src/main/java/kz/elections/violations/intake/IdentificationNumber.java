package kz.elections.violations.intake;

/**
 * Kazakhstan's individual (IIN) and business (BIN) identification numbers: 12 digits, the last a
 * check digit computed mod 11 with weights 1..11, or, where that gives 10, with weights 3..11,1,2;
 * a number whose second pass also gives 10 is never issued.
 */
public final class IdentificationNumber {

    private static final int[] FIRST_WEIGHTS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] SECOND_WEIGHTS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    private IdentificationNumber() {
    }

    public static boolean isValid(String number) {
        if (number == null || !number.matches("\\d{12}")) {
            return false;
        }
        int check = weightedSum(number, FIRST_WEIGHTS) % 11;
        if (check == 10) {
            check = weightedSum(number, SECOND_WEIGHTS) % 11;
            if (check == 10) {
                return false;
            }
        }
        return check == number.charAt(11) - '0';
    }

    private static int weightedSum(String number, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (number.charAt(i) - '0') * weights[i];
        }
        return sum;
    }
}
