package kz.elections.violations.triage;

import java.util.Locale;

import java.util.Set;
import kz.elections.violations.api.NotFoundException;
import kz.elections.violations.complaints.Complaint;
import kz.elections.violations.complaints.ComplaintAccess;
import kz.elections.violations.complaints.Complaints;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/complaints/{trackingNumber}/similar}: the cluster a complaint may belong with, now (the
 * triage task keeps the one of its creation), for those who read the complaint, within the regions they read.
 */
@RestController
class SimilarController {

    private final Complaints complaints;
    private final ComplaintAccess access;
    private final SimilarComplaints similar;

    SimilarController(Complaints complaints, ComplaintAccess access, SimilarComplaints similar) {
        this.complaints = complaints;
        this.access = access;
        this.similar = similar;
    }

    @GetMapping("/api/complaints/{trackingNumber}/similar")
    SimilarComplaints.Similar similar(@PathVariable String trackingNumber) {
        Set<String> regions = access.readableRegions();
        Complaint complaint = complaints.find(trackingNumber.strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new NotFoundException("No complaint with this tracking number"));
        access.requireReadable(complaint);
        return similar.of(complaint, regions);
    }
}
