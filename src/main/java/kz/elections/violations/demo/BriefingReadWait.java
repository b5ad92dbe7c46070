package kz.elections.violations.demo;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Demo profile: a read of the project API that would include the 2023 briefing's data (the lists of
 * elections and cases, the statistics, and the briefing's own elections and cases, numbered {@code 2023-})
 * and arrives while the briefing is still being played waits until it has committed (at most
 * {@link #LONGEST_WAIT}), so that it answers with the whole briefing, never a start without it.
 * Everything else (reads of other elections and cases, signing in, Tasklist, the engine's API, writes)
 * is served at once.
 */
final class BriefingReadWait extends OncePerRequestFilter {

    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

    private static final Pattern ONE_ELECTION = Pattern.compile("^/api/elections/([^/]+)$");
    private static final Pattern ONE_CASE = Pattern.compile("^/api/cases/([^/]+)(/history)?$");
    /** The briefing's cases are numbered in the year they were registered. */
    private static final String BRIEFING_CASES = "2023-";
    private static final Set<String> LISTS = Set.of("/api/cases", "/api/cases.csv", "/api/statistics",
            "/api/statistics.csv");

    private final DemoBriefing briefing;
    private final Set<String> briefingElections;

    BriefingReadWait(DemoBriefing briefing, Set<String> briefingElections) {
        this.briefing = briefing;
        this.briefingElections = briefingElections;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !readsTheBriefing(request);
    }

    private boolean readsTheBriefing(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/api/elections")) {
            return true;
        }
        if (LISTS.contains(path)) {
            String election = request.getParameter("electionId");
            return election == null || election.isBlank() || briefingElections.contains(election);
        }
        Matcher election = ONE_ELECTION.matcher(path);
        if (election.matches()) {
            return briefingElections.contains(election.group(1));
        }
        Matcher oneCase = ONE_CASE.matcher(path);
        return oneCase.matches() && oneCase.group(1).startsWith(BRIEFING_CASES);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            briefing.awaitPlayed(LONGEST_WAIT);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        chain.doFilter(request, response);
    }
}
