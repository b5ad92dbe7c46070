package kz.elections.violations.deadlineview;

import kz.elections.violations.api.AccessDeniedException;
import kz.elections.violations.api.InvalidRequestException;
import kz.elections.violations.cases.CaseAccess;
import kz.elections.violations.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code GET /api/deadlines}: the General Prosecutor's Office, auditors and admins see every case's tasks, a
 * regional prosecutors' office the tasks of its own region's cases; district commissions and the CEC are
 * refused (403): they work their own tasks in Tasklist, where each task shows its due date. The page
 * {@code /deadlines/} reads it.
 */
@Controller
class DeadlinesController {

    static final int MAX_TASKS = 200;

    private final DeadlinesService deadlines;
    private final CurrentUser currentUser;
    private final CaseAccess access;

    DeadlinesController(DeadlinesService deadlines, CurrentUser currentUser, CaseAccess access) {
        this.deadlines = deadlines;
        this.currentUser = currentUser;
        this.access = access;
    }

    @GetMapping("/api/deadlines")
    @ResponseBody
    DeadlinesView deadlines(@RequestParam(required = false) String electionId,
                            @RequestParam(required = false) String limit) {
        boolean everyCase = currentUser.isAdmin() || currentUser.isInAny(CurrentUser.PROSECUTORS, CurrentUser.AUDITORS);
        if (!everyCase && access.ownRegions().isEmpty()) {
            throw new AccessDeniedException("The deadlines are read by prosecutors, auditors and admins");
        }
        return deadlines.view(electionId == null || electionId.isBlank() ? null : electionId, limit(limit),
                everyCase ? null : access.ownRegions());
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return 50;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_TASKS) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidRequestException("limit", "must be a whole number between 1 and " + MAX_TASKS);
    }

    @GetMapping("/deadlines")
    String folder() {
        return "redirect:/deadlines/";
    }

    @GetMapping("/deadlines/")
    String index() {
        return "forward:/deadlines/index.html";
    }
}
