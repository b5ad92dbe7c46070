package kz.elections.violations.complaints;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import kz.elections.violations.api.FieldProblem;
import kz.elections.violations.api.InvalidRequestException;
import kz.elections.violations.api.TextLimits;
import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionRepository;
import kz.elections.violations.intake.IntakeRules;
import kz.elections.violations.model.OffenderKind;
import kz.elections.violations.regions.Region;
import kz.elections.violations.regions.Regions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The rules a complaint keeps before it is received, in the manner of the intake's: the election exists,
 * the region is one of {@link Regions} (by code, name or alias), the day is a date not in the future (in
 * the election's zone), the texts within {@link TextLimits} and free of control characters, an e-mail
 * address and a phone number of their shape. Each broken rule is reported under the JSON path of its
 * field; no message repeats what was sent, so that an error answer shows nothing personal.
 */
@Component
class ComplaintRules {

    /** A contact's e-mail address: something@domain.tld, as stored (the outbox holds 320 characters). */
    private static final Pattern EMAIL = Pattern.compile("[^\\s@\"<>,;:()\\[\\]\\\\]{1,64}@[A-Za-z0-9.-]{1,252}\\.[A-Za-z]{2,63}");
    private static final int EMAIL_LIMIT = 254;
    /** A phone number: digits, with +, blanks, dashes and brackets as people write them. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{5,30}");
    private static final int CONTACT_NAME_LIMIT = 300;

    private final ElectionRepository elections;
    private final Regions regions;

    ComplaintRules(ElectionRepository elections, Regions regions) {
        this.elections = elections;
        this.regions = regions;
    }

    /** A complaint that keeps the rules, its values trimmed and resolved. */
    record Checked(Election election, Region region, LocalDate committedOn, String place, String description,
                   String offenderName, OffenderKind offenderKind, String contactName, String contactEmail,
                   String contactPhone) {

        /** No name, or no way to reach the complainant: anonymous as the law means it. */
        boolean anonymous() {
            return contactName == null || (contactEmail == null && contactPhone == null);
        }
    }

    Checked check(ComplaintRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Election> election = Optional.empty();
        String electionId = required(problems, "electionId", request.electionId(), TextLimits.IDENTIFIER, false);
        if (electionId != null) {
            election = elections.find(electionId);
            if (election.isEmpty()) {
                problems.add(FieldProblem.of("electionId", "complaint.election", "is not an election that takes complaints"));
            }
        }
        Region region = null;
        String regionText = required(problems, "region", request.region(), TextLimits.REGION, false);
        if (regionText != null) {
            region = regions.find(regionText).orElse(null);
            if (region == null) {
                problems.add(FieldProblem.of("region", "region.unknown", "is not a region of Kazakhstan: a code or "
                        + "a name as GET /api/regions lists them"));
            }
        }
        LocalDate committedOn = null;
        String day = required(problems, "committedOn", request.committedOn(), TextLimits.CODE, false);
        if (day != null) {
            committedOn = IntakeRules.parseDay(day);
            if (committedOn == null) {
                problems.add(FieldProblem.of("committedOn", "complaint.date", "must be a date such as 2026-03-01"));
            } else {
                LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(),
                        election.map(Election::zone).orElse(ZoneId.of("Asia/Almaty")));
                if (committedOn.isAfter(today)) {
                    problems.add(FieldProblem.of("committedOn", "date.future", "must not be in the future (today is "
                            + today + ")", today));
                }
            }
        }
        String place = required(problems, "place", request.place(), TextLimits.PLACE, false);
        String description = required(problems, "description", request.description(), TextLimits.DESCRIPTION, true);

        ComplaintRequest.Offender offender = request.offender();
        String offenderName = offender == null ? null
                : optional(problems, "offender.name", offender.name(), TextLimits.OFFENDER_NAME);
        OffenderKind offenderKind = null;
        String kind = offender == null ? null : optional(problems, "offender.kind", offender.kind(), TextLimits.CODE);
        if (kind != null) {
            offenderKind = Arrays.stream(OffenderKind.values()).filter(known -> known.name().equals(kind)).findFirst()
                    .orElse(null);
            if (offenderKind == null) {
                problems.add(FieldProblem.of("offender.kind", "choice", "must be one of "
                        + Arrays.toString(OffenderKind.values())));
            }
        }

        ComplaintRequest.Contact contact = request.contact();
        String contactName = contact == null ? null : optional(problems, "contact.name", contact.name(), CONTACT_NAME_LIMIT);
        String email = contact == null ? null : optional(problems, "contact.email", contact.email(), EMAIL_LIMIT);
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add(FieldProblem.of("contact.email", "complaint.email",
                    "must be an e-mail address such as name@example.kz"));
            email = null;
        }
        String phone = contact == null ? null : optional(problems, "contact.phone", contact.phone(), TextLimits.CODE);
        if (phone != null) {
            long digits = phone.chars().filter(Character::isDigit).count();
            if (!PHONE.matcher(phone).matches() || digits < 5 || digits > 15) {
                problems.add(FieldProblem.of("contact.phone", "complaint.phone", "must be a phone number of 5 to 15 "
                        + "digits, such as +7 701 123 45 67"));
                phone = null;
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Checked(election.orElseThrow(), region, committedOn, place, description, offenderName, offenderKind,
                contactName, email, phone);
    }

    private static String required(List<FieldProblem> problems, String field, String value, int limit,
                                   boolean multiline) {
        String text = text(problems, field, value, limit, multiline);
        if (text == null && problems.stream().noneMatch(problem -> problem.field().equals(field))) {
            problems.add(FieldProblem.of(field, "required", "is required"));
        }
        return text;
    }

    private static String optional(List<FieldProblem> problems, String field, String value, int limit) {
        return text(problems, field, value, limit, false);
    }

    /** The text, trimmed; null when absent or blank, or when it breaks a rule of texts (reported). */
    private static String text(List<FieldProblem> problems, String field, String value, int limit, boolean multiline) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        TextLimits.Broken broken = TextLimits.broken(trimmed, limit, multiline);
        if (broken != null) {
            problems.add(FieldProblem.of(field, broken));
            return null;
        }
        return trimmed;
    }
}
