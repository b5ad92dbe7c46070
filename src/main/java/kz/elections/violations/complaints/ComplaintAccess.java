package kz.elections.violations.complaints;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import kz.elections.violations.api.AccessDeniedException;
import kz.elections.violations.api.NotFoundException;
import kz.elections.violations.regions.Region;
import kz.elections.violations.regions.Regions;
import kz.elections.violations.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Who reads which complaint, the one place that decides it for the list, one complaint, its files and its
 * similar ones: the General Prosecutor's Office ({@code prosecutors}) every complaint, a regional office
 * ({@code prosecutors-<region code>}) its region's only; auditors and administrators every complaint,
 * without the complainant's contact details; anyone else none (403). A complaint of another region is
 * answered as not found. Those who may triage a complaint (its region's prosecutors and
 * {@code prosecutors}) read the contact details too.
 */
@Component
public class ComplaintAccess {

    private final CurrentUser currentUser;
    private final Regions regions;

    ComplaintAccess(CurrentUser currentUser, Regions regions) {
        this.currentUser = currentUser;
        this.regions = regions;
    }

    /** The region codes whose complaints the user reads; null for every region; 403 for a user who reads none. */
    public Set<String> readableRegions() {
        if (currentUser.isAdmin() || currentUser.isInAny(CurrentUser.PROSECUTORS, CurrentUser.AUDITORS)) {
            return null;
        }
        Set<String> own = ownRegions();
        if (own.isEmpty()) {
            throw new AccessDeniedException("Complaints are read by prosecutors, auditors and administrators");
        }
        return own;
    }

    /** Refuses (404) a complaint the user may not read, and 403 a user who reads no complaints. */
    public void requireReadable(Complaint complaint) {
        Set<String> readable = readableRegions();
        if (readable != null && !readable.contains(complaint.regionCode())) {
            throw new NotFoundException("No complaint " + complaint.trackingNumber() + " among your region's");
        }
    }

    /** Whether the user is one of the prosecutors who triage the complaint. */
    public boolean mayTriage(Complaint complaint) {
        return currentUser.isInAny(CurrentUser.PROSECUTORS) || ownRegions().contains(complaint.regionCode());
    }

    /** The regions whose prosecutors' office the user belongs to ({@code prosecutors-<code>}). */
    public Set<String> ownRegions() {
        return currentUser.groups().stream().map(regions::ofProsecutorsGroup).flatMap(Optional::stream)
                .map(Region::code).collect(Collectors.toSet());
    }
}
