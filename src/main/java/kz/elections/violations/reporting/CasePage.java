package kz.elections.violations.reporting;

import java.util.List;

/** A page of the case list: {@code page} counts from 0. */
public record CasePage(int page, int size, long total, List<CaseSummary> items) {
}
