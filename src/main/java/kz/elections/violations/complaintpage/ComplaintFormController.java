package kz.elections.violations.complaintpage;

import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;

import kz.elections.violations.complaints.ComplaintProperties;
import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionRepository;
import kz.elections.violations.regions.Region;
import kz.elections.violations.regions.Regions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/complaints/form}, open to anyone: what the public complaint page offers. The elections
 * whose voting day is at most {@code complaints.page.past-elections} (60 days) behind, ordered
 * by voting day, with their names and days only; the regions; whether a complaint without contact details
 * is considered ({@code complaints.anonymous-considered}); and the limits of its files ({@code complaints.files}).
 */
@RestController
class ComplaintFormController {

    record ElectionOption(String id, String name, LocalDate votingDay, String timeZone) {
    }

    /** How many files a complaint may carry, the largest one, all of them together (bytes). */
    record FileLimits(int maxCount, long maxFileSize, long maxTotalSize) {
    }

    record ComplaintForm(List<ElectionOption> elections, List<Region> regions, boolean anonymousConsidered,
                         FileLimits files) {
    }

    private final ElectionRepository elections;
    private final Regions regions;
    private final Period pastElections;
    private final ComplaintProperties complaints;

    ComplaintFormController(ElectionRepository elections, Regions regions, ComplaintProperties complaints,
                            @Value("${complaints.page.past-elections:P60D}") Period pastElections) {
        this.elections = elections;
        this.regions = regions;
        this.complaints = complaints;
        this.pastElections = pastElections;
    }

    @GetMapping("/api/complaints/form")
    ComplaintForm form() {
        List<ElectionOption> open = elections.findAll().stream()
                .filter(election -> !election.votingDay().plus(pastElections)
                        .isBefore(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), election.zone())))
                .sorted(Comparator.comparing(Election::votingDay))
                .map(election -> new ElectionOption(election.id(), election.name(), election.votingDay(),
                        election.timeZone()))
                .toList();
        ComplaintProperties.Files files = complaints.files();
        return new ComplaintForm(open, regions.all(), complaints.anonymousConsidered(), new FileLimits(
                files.maxCount(), files.maxFileSize().toBytes(), files.maxTotalSize().toBytes()));
    }
}
