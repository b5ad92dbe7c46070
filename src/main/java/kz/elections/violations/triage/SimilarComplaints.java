package kz.elections.violations.triage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import kz.elections.violations.complaints.Complaint;
import kz.elections.violations.complaints.Complaints;
import org.springframework.stereotype.Component;

/**
 * What a complaint may belong with, as a cluster for its triage: the election's other complaints about the
 * same offender (by name), the same place (polling station) or the same day, and its open cases about the
 * same offender or of the same day, each with what it shares. A regional office is shown its region's only.
 */
@Component
class SimilarComplaints {

    static final int LIMIT = 20;

    private final Complaints complaints;
    private final TriageCases cases;

    SimilarComplaints(Complaints complaints, TriageCases cases) {
        this.complaints = complaints;
        this.cases = cases;
    }

    /** What a similar complaint or case shares with the complaint. */
    enum Match {
        OFFENDER, PLACE, DAY
    }

    record SimilarComplaint(String trackingNumber, String status, LocalDate committedOn, String place,
                            String offenderName, List<Match> matches, String caseNumber) {
    }

    record SimilarCase(String caseNumber, LocalDate committedOn, String region, String offenderName, String code,
                       String article, List<Match> matches) {
    }

    record Similar(List<SimilarComplaint> complaints, List<SimilarCase> cases) {
    }

    /** @param regions the regions whose complaints and cases are shown; null for every region */
    Similar of(Complaint complaint, Set<String> regions) {
        List<SimilarComplaint> others = complaints.similar(complaint.electionId(), complaint.trackingNumber(),
                        complaint.offenderName(), complaint.place(), complaint.committedOn(), regions, LIMIT).stream()
                .map(other -> new SimilarComplaint(other.trackingNumber(), other.status().name(), other.committedOn(),
                        other.place(), other.offenderName(), matches(complaint, other.offenderName(), other.place(),
                        other.committedOn()), other.caseNumber()))
                .toList();
        List<SimilarCase> open = cases.openCasesLike(complaint.electionId(), complaint.offenderName(),
                        complaint.committedOn(), regions, LIMIT).stream()
                .map(row -> new SimilarCase(row.caseNumber(), row.committedOn(), row.region(), row.offenderName(),
                        row.code(), row.article(), matches(complaint, row.offenderName(), null, row.committedOn())))
                .toList();
        return new Similar(others, open);
    }

    /** The cluster as the triage form shows it: numbers and what each shares, Kazakh / Russian. */
    static String summary(Similar similar) {
        List<String> items = new ArrayList<>();
        similar.complaints().forEach(other -> items.add(other.trackingNumber() + " (" + words(other.matches())
                + (other.caseNumber() == null ? "" : "; іс / дело " + other.caseNumber()) + ")"));
        similar.cases().forEach(open -> items.add("іс / дело " + open.caseNumber() + " (" + words(open.matches())
                + (open.article() == null ? "" : "; " + open.article() + "-бап / ст. " + open.article()) + ")"));
        return String.join("; ", items);
    }

    private static List<Match> matches(Complaint complaint, String offenderName, String place, LocalDate day) {
        List<Match> matches = new ArrayList<>();
        if (complaint.offenderName() != null && offenderName != null && same(complaint.offenderName(), offenderName)) {
            matches.add(Match.OFFENDER);
        }
        if (place != null && same(complaint.place(), place)) {
            matches.add(Match.PLACE);
        }
        if (Objects.equals(complaint.committedOn(), day)) {
            matches.add(Match.DAY);
        }
        return matches;
    }

    private static boolean same(String one, String other) {
        return one.strip().toLowerCase(Locale.ROOT).equals(other.strip().toLowerCase(Locale.ROOT));
    }

    private static String words(List<Match> matches) {
        return String.join(", ", matches.stream().map(match -> switch (match) {
            case OFFENDER -> "сол адам / тот же нарушитель";
            case PLACE -> "сол орын / то же место";
            case DAY -> "сол күн / тот же день";
        }).toList());
    }
}
