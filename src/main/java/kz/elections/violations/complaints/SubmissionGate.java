package kz.elections.violations.complaints;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.elections.violations.partners.Partner;
import kz.elections.violations.partners.PartnerKeys;
import kz.elections.violations.security.RequestClients;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of {@code POST /api/complaints}, before its body is read: a request with {@code X-Partner-Key}
 * must carry a valid, unrevoked key (else 401); then the sender's rate limits, per partner or per client
 * address ({@link RequestClients}), refuse a submission beyond them with 429, {@code Retry-After} and a
 * problem body saying for how long. What it found is handed on to the controller as the {@link Submitter}.
 */
class SubmissionGate extends OncePerRequestFilter {

    static final String PARTNER_KEY_HEADER = "X-Partner-Key";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PartnerKeys partnerKeys;
    private final RequestClients clients;
    private final SubmissionRates rates;
    private final ComplaintProperties.RateLimits limits;

    SubmissionGate(PartnerKeys partnerKeys, RequestClients clients, ComplaintProperties.RateLimits limits) {
        this.partnerKeys = partnerKeys;
        this.clients = clients;
        this.limits = limits;
        this.rates = new SubmissionRates(limits.maxTracked());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !"/api/complaints".equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(PARTNER_KEY_HEADER);
        Partner partner = null;
        if (key != null) {
            Optional<Partner> found = partnerKeys.activeByKey(key.strip());
            if (found.isEmpty()) {
                refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "Unknown or revoked partner key",
                        "The " + PARTNER_KEY_HEADER + " header names no valid partner key; a revoked key is refused. "
                                + "Without the header a complaint is received as the public's.", null);
                return;
            }
            partner = found.get();
        }
        Submitter submitter = new Submitter(partner, clients.addressOf(request));
        OptionalLong wait = rates.admit(submitter.rateKey(), partner == null ? limits.perClient() : limits.perPartner(),
                ClockUtil.getCurrentTime().toInstant());
        if (wait.isPresent()) {
            response.setHeader("Retry-After", Long.toString(wait.getAsLong()));
            refuse(response, 429, "Too many complaints", (partner == null ? "Too many complaints from this address"
                    : "Too many complaints with this partner key") + ": try again in " + wait.getAsLong() + " seconds.",
                    wait.getAsLong());
            return;
        }
        request.setAttribute(Submitter.ATTRIBUTE, submitter);
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, int status, String title, String detail,
                               Long retryAfterSeconds) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", status == 429 ? "urn:problem:too-many-complaints" : "urn:problem:partner-key");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (retryAfterSeconds != null) {
            problem.put("retryAfterSeconds", retryAfterSeconds);
        }
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
