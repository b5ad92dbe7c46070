package kz.elections.violations.webapps;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps load the fallback language's file beside the one the browser asks for, and each file's
 * {@code dateLocales} switches the whole page's date wording (moment.js) to its language, so whichever
 * file arrives last wins: a Kazakh page could say "через 5 ч". When the browser's first language is
 * another one the webapps speak, the fallback file ({@value #FALLBACK}) is served without its date
 * wording; the labels stay, for keys a translation might lack.
 */
final class FallbackLocaleDates extends OncePerRequestFilter {

    static final String FALLBACK = "ru";
    private static final Pattern FALLBACK_FILE = Pattern.compile("^/camunda/app/(tasklist|cockpit|admin|welcome)/locales/"
            + FALLBACK + "\\.json$");

    private final List<String> otherLanguages;
    private final ObjectMapper json = new ObjectMapper();

    FallbackLocaleDates(List<String> otherLanguages) {
        this.otherLanguages = otherLanguages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !FALLBACK_FILE.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Vary", "Accept-Language");
        if (!otherLanguages.contains(firstLanguage(request))) {
            chain.doFilter(request, response);
            return;
        }
        Matcher file = FALLBACK_FILE.matcher(path(request));
        file.matches();
        String resource = "/META-INF/resources/webjars/camunda/app/" + file.group(1) + "/locales/" + FALLBACK + ".json";
        try (InputStream in = FallbackLocaleDates.class.getResourceAsStream(resource)) {
            if (in == null) {
                chain.doFilter(request, response);
                return;
            }
            ObjectNode labels = (ObjectNode) json.readTree(in);
            labels.remove("dateLocales");
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Cache-Control", "no-cache");
            json.writeValue(response.getOutputStream(), labels);
        }
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The primary language of the request's first Accept-Language entry, as the webapps read the browser's. */
    static String firstLanguage(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return "";
        }
        String first = header.split(",")[0].split(";")[0].trim();
        return first.split("-")[0].toLowerCase(Locale.ROOT);
    }
}
