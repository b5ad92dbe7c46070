package kz.elections.violations.reporting;

/** The list's and the CSV's query parameters, bound by name; checked when turned into a {@link CaseFilter}. */
public record CaseFilterParams(String electionId, String region, String article, String offenderKind, String status,
                               String outcome, String from, String to) {

    public CaseFilter toFilter() {
        return CaseFilter.of(electionId, region, article, offenderKind, status, outcome, from, to);
    }
}
