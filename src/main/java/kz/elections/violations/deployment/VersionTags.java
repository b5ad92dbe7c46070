package kz.elections.violations.deployment;

/** Compares version tags such as 1.2.0 and 1.10.1 part by part, numerically where both parts are numbers. */
final class VersionTags {

    private VersionTags() {
    }

    /** Negative, zero or positive as a is older than, equal to or newer than b; no tag is the oldest. */
    static int compare(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        String[] left = a.split("[.-]");
        String[] right = b.split("[.-]");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            String l = i < left.length ? left[i] : "0";
            String r = i < right.length ? right[i] : "0";
            int order = l.matches("\\d+") && r.matches("\\d+")
                    ? Long.compare(Long.parseLong(l), Long.parseLong(r)) : l.compareTo(r);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }
}
