package kz.elections.violations.model;

/**
 * The one mask of IINs and BINs for whoever may not see them in full (who may: {@code cases.CaseAccess}):
 * every digit but the last four is a star.
 */
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
