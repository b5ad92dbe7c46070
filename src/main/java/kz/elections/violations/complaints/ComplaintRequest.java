package kz.elections.violations.complaints;

/**
 * The body of {@code POST /api/complaints} (or its multipart part {@code complaint}). Every field is read as
 * text, so that a wrong value is refused under its own name.
 *
 * @param offender who did it, as far as the complainant knows (optional)
 * @param contact  how to reach the complainant (optional; without it the complaint is anonymous)
 */
public record ComplaintRequest(String electionId, String region, String committedOn, String place,
                               String description, Offender offender, Contact contact) {

    public record Offender(String name, String kind) {
    }

    public record Contact(String name, String email, String phone) {
    }
}
