package kz.elections.violations.demo;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Demo profile: a read of the project API ({@code GET /api/...}) that arrives while the 2023 briefing is
 * still being played waits until it has committed (at most {@link #LONGEST_WAIT}), so that the elections,
 * cases and statistics it answers with are the whole briefing, never a start without it. Everything else
 * (signing in, Tasklist, the engine's API, writes) is served at once.
 */
final class BriefingReadWait extends OncePerRequestFilter {

    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

    private final DemoBriefing briefing;

    BriefingReadWait(DemoBriefing briefing) {
        this.briefing = briefing;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"GET".equals(request.getMethod()) || !path.startsWith("/api/");
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
