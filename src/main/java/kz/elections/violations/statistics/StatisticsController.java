package kz.elections.violations.statistics;

import kz.elections.violations.api.Csv;
import kz.elections.violations.reporting.CaseFilter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import kz.elections.violations.cases.CaseAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The statistics briefing: auditors, the General Prosecutor's Office, the CEC and admins count every case, a
 * regional prosecutors' office its own region's ({@link CaseAccess#countable}); filtered by election and date
 * range.
 */
@RestController
@RequestMapping("/api")
public class StatisticsController {

    private final StatisticsService statistics;
    private final CaseAccess access;

    public StatisticsController(StatisticsService statistics, CaseAccess access) {
        this.statistics = statistics;
        this.access = access;
    }

    @GetMapping("/statistics")
    public Statistics statistics(@RequestParam(required = false) String electionId,
                                 @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to) {
        return statistics.statistics(access.countable(CaseFilter.of(electionId, null, null, null, null, null, from, to)));
    }

    /**
     * The same figures as rows of {@code figure,key,value}; the complaints' after the cases', their figure named
     * by its path in the JSON ({@code complaints.byChannel,HOTLINE,3}), a median of no answer left empty.
     */
    @GetMapping("/statistics.csv")
    public void export(@RequestParam(required = false) String electionId,
                       @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to,
                       HttpServletResponse response) throws IOException {
        Statistics figures = statistics(electionId, from, to);
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"statistics.csv\"");
        Writer writer = response.getWriter();
        Csv csv = new Csv(writer);
        csv.row(List.of("figure", "key", "value"));
        csv.row(List.of("facts", "", figures.facts()));
        for (Map.Entry<String, Map<String, Long>> dimension : Map.of(
                "byElection", figures.byElection(), "byArticle", figures.byArticle(),
                "byOffenderKind", figures.byOffenderKind(), "byRegion", figures.byRegion(),
                "bySource", figures.bySource(), "byOutcome", figures.byOutcome()).entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            for (Map.Entry<String, Long> count : dimension.getValue().entrySet()) {
                csv.row(List.of(dimension.getKey(), count.getKey(), count.getValue()));
            }
        }
        csv.row(List.of("consent", "requested", figures.consent().requested()));
        csv.row(List.of("consent", "granted", figures.consent().granted()));
        csv.row(List.of("consent", "refused", figures.consent().refused()));
        csv.row(List.of("registrations", "cancelled", figures.registrationsCancelled()));
        csv.row(List.of("registrations", "keptDueToFreeze", figures.registrationsKeptDueToFreeze()));
        csv.row(List.of("registrations", "restored", figures.registrationsRestored()));
        csv.row(List.of("fines", "count", figures.fines().count()));
        csv.row(List.of("fines", "totalMci", figures.fines().totalMci().toPlainString()));
        csv.row(List.of("fines", "totalTenge", figures.fines().totalTenge()));
        csv.row(List.of("fines", "abbreviated", figures.fines().abbreviated()));
        csv.row(List.of("warnings", "", figures.warnings()));
        csv.row(List.of("abbreviated", "", figures.abbreviated()));
        Statistics.Complaints complaints = figures.complaints();
        csv.row(List.of("complaints", "received", complaints.received()));
        csv.row(List.of("complaints", "anonymous", complaints.anonymous()));
        for (Map.Entry<String, Map<String, Long>> dimension : List.of(
                Map.entry("complaints.byStatus", complaints.byStatus()),
                Map.entry("complaints.byChannel", complaints.byChannel()),
                Map.entry("complaints.byRegion", complaints.byRegion()))) {
            for (Map.Entry<String, Long> count : dimension.getValue().entrySet()) {
                csv.row(List.of(dimension.getKey(), count.getKey(), count.getValue()));
            }
        }
        Statistics.AnswerTimes times = complaints.answerTimes();
        csv.row(List.of("complaints.answerTimes", "answered", times.answered()));
        csv.row(Arrays.asList("complaints.answerTimes", "medianHours", plain(times.medianHours())));
        csv.row(Arrays.asList("complaints.answerTimes", "p90Hours", plain(times.p90Hours())));
        csv.row(List.of("complaints.answerTimes", "answeredOnTime", times.answeredOnTime()));
        csv.row(List.of("complaints.answerTimes", "answeredLate", times.answeredLate()));
        csv.row(List.of("complaints.answerTimes", "openPastTerm", times.openPastTerm()));
        writer.flush();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
