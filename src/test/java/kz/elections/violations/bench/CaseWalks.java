package kz.elections.violations.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.HttpApi.Answer;
import kz.elections.violations.support.TestIins;

/**
 * One case walked over HTTP as the real users walk it, up to the district commission's cancellation:
 * the candidate's ViolationCase (intake by the project API, then the engine REST API) or the bare
 * process of the same wait states (started by the engine REST API). Both complete their tasks with the
 * same variables and have their appeal-period timer executed by the administrator, so the two differ
 * only in what the application adds to the engine. The time of each step is added up by step.
 */
final class CaseWalks {

    static final String BARE_PROCESS = "BareCase";
    static final String[] STEPS = {"start", "check", "consent", "ruling", "appeal timer", "cancel"};

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private final HttpApi http;
    private final String electionId;
    private final Map<String, Map<String, LongAdder>> nanosByVariantAndStep = new ConcurrentHashMap<>();

    CaseWalks(HttpApi http, String electionId) {
        this.http = http;
        this.electionId = electionId;
    }

    /** A candidate's case under art. 102: intake, check, CEC consent, fine, appeal period over, cancellation. */
    void fullCase(String variant) {
        LocalDate today = LocalDate.now(ALMATY);
        Map<String, Object> offender = Map.of("kind", "CANDIDATE", "name", "Bench Candidate", "iin", TestIins.next(),
                "districtCommission", "1");
        Map<String, Object> fact = Map.of("electionId", electionId, "region", "Almaty",
                "committedOn", today.minusDays(2).toString(), "place", "Abai avenue", "offender", offender,
                "article", "102", "source", "MONITORING", "description", "Campaigning before registration closed");
        long started = System.nanoTime();
        Answer created = http.post("prosecutor", "/api/cases", fact);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String instance = created.body().get("processInstanceId").asText();
        started = time(variant, "start", started);
        walk(variant, instance, "Event_AppealPeriodExpired", today, started);
    }

    /**
     * The bare process through the same wait states, started over the engine REST API with the facts the
     * prosecutor registers as its variables (what the project API turns the intake request into), so that
     * both variants store the users' data and differ in what the application adds.
     */
    void bareCase(String variant) {
        LocalDate today = LocalDate.now(ALMATY);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("electionId", value(electionId));
        facts.put("region", value("Almaty"));
        facts.put("committedOn", value(today.minusDays(2).toString()));
        facts.put("place", value("Abai avenue"));
        facts.put("offenderKind", value("CANDIDATE"));
        facts.put("offenderName", value("Bench Candidate"));
        facts.put("offenderIin", value(TestIins.next()));
        facts.put("districtCommission", value("1"));
        facts.put("article", value("102"));
        facts.put("source", value("MONITORING"));
        facts.put("description", value("Campaigning before registration closed"));
        long started = System.nanoTime();
        // the bare process is not a case: the integrity gate lets only an administrator start it over REST
        Answer created = http.post("demo", "/engine-rest/process-definition/key/" + BARE_PROCESS + "/start",
                Map.of("businessKey", "bare-" + System.nanoTime(), "variables", facts));
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        String instance = created.body().get("id").asText();
        started = time(variant, "start", started);
        walk(variant, instance, "Event_AppealPeriodExpired", today, started);
    }

    private void walk(String variant, String instance, String appealTimer, LocalDate today, long started) {
        complete("prosecutor", instance, Map.of("factConfirmed", value(true)));
        started = time(variant, "check", started);
        complete("cec", instance, Map.of("consentGranted", value(true)));
        started = time(variant, "consent", started);
        complete("prosecutor", instance, Map.of("rulingOutcome", value("FINE"), "fineMci", value(20),
                "abbreviatedProcedure", value(false), "rulingDate", value(today.toString())));
        started = time(variant, "ruling", started);
        Answer jobs = http.get("demo", "/engine-rest/job?processInstanceId=" + instance + "&activityId=" + appealTimer);
        assertThat(jobs.body().size()).as("the appeal timer of " + instance + ": " + jobs.text()).isEqualTo(1);
        Answer executed = http.send("demo", "POST", "/engine-rest/job/" + jobs.body().get(0).get("id").asText()
                + "/execute", null, Map.of("X-Intervention-Reason", "benchmark"));
        assertThat(executed.status()).as(executed.text()).isEqualTo(204);
        started = time(variant, "appeal timer", started);
        complete("commission1", instance, Map.of("decisionNumber", value("7/" + instance.hashCode())));
        time(variant, "cancel", started);
    }

    private void complete(String user, String instance, Map<String, Object> variables) {
        Answer tasks = http.get(user, "/engine-rest/task?processInstanceId=" + instance);
        assertThat(tasks.status()).as(tasks.text()).isEqualTo(200);
        assertThat(tasks.body().size()).as(user + " sees one task of " + instance + ": " + tasks.text()).isEqualTo(1);
        Answer completed = http.post(user, "/engine-rest/task/" + tasks.body().get(0).get("id").asText() + "/complete",
                Map.of("variables", variables));
        assertThat(completed.status()).as(completed.text()).isEqualTo(204);
    }

    private long time(String variant, String step, long started) {
        long now = System.nanoTime();
        nanosByVariantAndStep.computeIfAbsent(variant, v -> new ConcurrentHashMap<>())
                .computeIfAbsent(step, s -> new LongAdder()).add(now - started);
        return now;
    }

    /** Milliseconds per case of each step of a variant (as the client saw them), in walking order. */
    Map<String, Double> millisPerCaseByStep(String variant, long cases) {
        Map<String, Double> millis = new LinkedHashMap<>();
        Map<String, LongAdder> steps = nanosByVariantAndStep.getOrDefault(variant, Map.of());
        for (String step : STEPS) {
            LongAdder nanos = steps.get(step);
            millis.put(step, nanos == null ? 0 : nanos.sum() / 1e6 / cases);
        }
        return millis;
    }

    static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }
}
