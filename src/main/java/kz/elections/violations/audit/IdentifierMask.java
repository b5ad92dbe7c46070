package kz.elections.violations.audit;

/** IINs and BINs shown to auditors: only the last four digits. */
public final class IdentifierMask {

    private IdentifierMask() {
    }

    public static String mask(String identifier) {
        if (identifier == null) {
            return null;
        }
        int keep = Math.min(4, identifier.length());
        return "*".repeat(identifier.length() - keep) + identifier.substring(identifier.length() - keep);
    }
}
