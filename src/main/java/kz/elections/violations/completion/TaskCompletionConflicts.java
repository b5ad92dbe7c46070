package kz.elections.violations.completion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.elections.violations.security.CurrentUser;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Two people completing the same task at once: one wins, the other gets 409 Conflict saying the task
 * was already completed, when and by whom, instead of the engine REST API's 404 ("task does not exist")
 * or 500 (the engine's optimistic locking). Covers the engine REST API and the webapps' own mount that
 * Tasklist uses, for {@code POST .../task/{id}/complete} and {@code .../submit-form}. The losing
 * request's transaction was rolled back by the engine, so nothing of it is in the history. A task id
 * that never existed is 404 (the engine REST API says 500).
 */
public class TaskCompletionConflicts extends OncePerRequestFilter {

    private static final Pattern COMPLETION = Pattern.compile("/task/([^/]+)/(complete|submit-form)/?$");

    private final HistoryService history;
    private final CurrentUser currentUser;
    private final ObjectMapper json = new ObjectMapper();

    public TaskCompletionConflicts(HistoryService history, CurrentUser currentUser) {
        this.history = history;
        this.currentUser = currentUser;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher completion = COMPLETION.matcher(request.getRequestURI());
        if (!"POST".equals(request.getMethod()) || !completion.find()) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, buffered);
        String taskId = completion.group(1);
        if (buffered.getStatus() < 400 || buffered.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            buffered.copyBodyToResponse();
            return;
        }
        HistoricTaskInstance task = currentUser.withoutEngineChecks(
                () -> history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult());
        if (buffered.getStatus() == HttpServletResponse.SC_FORBIDDEN && (task == null || !wasCandidate(taskId))) {
            // a refusal of someone who was never the task's candidate says nothing about the task; a candidate
            // is refused when the winner's completion removed the task's candidate links under it: a conflict
        } else if (task == null) {
            // the engine REST API answers 500 for a task id that never existed
            problem(buffered, HttpServletResponse.SC_NOT_FOUND, "No such task", "No task with id " + taskId, taskId);
        } else if (task.getEndTime() != null && "completed".equals(task.getDeleteReason())) {
            problem(buffered, HttpServletResponse.SC_CONFLICT, "Task already completed", "The task \""
                    + task.getName() + "\" (" + taskId + ") was already completed" + completedBy(taskId) + " at "
                    + DateTimeFormatter.ISO_INSTANT.format(task.getEndTime().toInstant())
                    + "; your completion was not saved", taskId);
        }
        buffered.copyBodyToResponse();
    }

    private void problem(ContentCachingResponseWrapper response, int status, String title, String detail,
                         String taskId) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), java.util.Map.of("type", "about:blank", "title", title,
                "status", status, "detail", detail, "message", detail, "taskId", taskId));
    }

    private boolean wasCandidate(String taskId) {
        String user = currentUser.id();
        List<String> groups = currentUser.groups();
        return user != null && currentUser.withoutEngineChecks(() -> history.createHistoricIdentityLinkLogQuery()
                .taskId(taskId).list().stream()
                .anyMatch(link -> user.equals(link.getUserId()) || groups.contains(link.getGroupId())));
    }

    private String completedBy(String taskId) {
        return currentUser.withoutEngineChecks(() -> history.createUserOperationLogQuery().taskId(taskId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
                .map(UserOperationLogEntry::getUserId).filter(java.util.Objects::nonNull).findFirst()
                .map(user -> " by " + user).orElse(""));
    }
}
