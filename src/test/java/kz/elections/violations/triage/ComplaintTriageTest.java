package kz.elections.violations.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import kz.elections.violations.election.Election;
import kz.elections.violations.intake.CaseIntakeRequest;
import kz.elections.violations.notifications.NotificationSender;
import kz.elections.violations.sanctions.WorkingDays;
import kz.elections.violations.support.ComplaintClient;
import kz.elections.violations.support.ComplaintClient.Reply;
import kz.elections.violations.support.ComplaintTestSupport;
import kz.elections.violations.support.HttpApi.Answer;
import kz.elections.violations.support.TasklistSession;
import kz.elections.violations.support.TestIins;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The triage of a complaint over HTTP, on the real engine: accept (a case with source COMPLAINT, linked both
 * ways), merge, reject with the reason the complainant reads; refusals that keep the task open; the due date
 * from the decision table ComplaintAnswerTerm as the election's calendar lies; a regional office refused
 * another region's task over the engine's REST API and Tasklist; the complainant's e-mail (GreenMail) after
 * an answer, and none for a refused or rolled-back completion; who starts the triage (the request, or on a
 * busy node the job executor, the term counted from the receipt either way) and one triage per complaint.
 */
class ComplaintTriageTest extends ComplaintTestSupport {

    @Autowired
    TaskService taskService;
    @Autowired
    NotificationSender sender;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngineConfigurationImpl engineConfiguration;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    TriageStarts starts;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void readOwnMail() throws Exception {
        // what earlier tests left due is sent first, so that each test reads its own mail
        sender.sendAllDue();
        smtp.purgeEmailFromAllMailboxes();
    }

    private String received(Map<String, Object> complaint, String acceptLanguage) {
        Map<String, String> headers = newClient();
        if (acceptLanguage != null) {
            headers.put("Accept-Language", acceptLanguage);
        }
        Reply reply = complaints.submit(complaint, headers);
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.body().get("trackingNumber").asText();
    }

    /** The jobs that start the triage of the complaint ({@link TriageStartJob}) not run yet. */
    private List<String> triageStartJobs(String trackingNumber) {
        return jdbc.queryForList("select id_ from act_ru_job where handler_type_ = ? and handler_cfg_ = ?",
                String.class, TriageStartJob.TYPE, trackingNumber);
    }

    /** What the job executor (off in the tests) does once the job is due: runs it; answers the triage's task. */
    private Task triageStarted(String trackingNumber) {
        List<String> jobs = triageStartJobs(trackingNumber);
        assertThat(jobs).as("the job that starts the triage of " + trackingNumber).hasSize(1);
        managementService.executeJob(jobs.get(0));
        return task(trackingNumber);
    }

    private Task task(String trackingNumber) {
        return taskService.createTaskQuery().processDefinitionKey(TriageVariables.PROCESS_KEY)
                .processInstanceBusinessKey(trackingNumber).singleResult();
    }

    /** {@code POST /engine-rest/task/{id}/complete} as Tasklist's REST clients send it. */
    private Answer complete(String user, Task task, Map<String, Object> values, String acceptLanguage) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        Map<String, String> headers = acceptLanguage == null ? Map.of() : Map.of("Accept-Language", acceptLanguage);
        return http.send(user, "POST", "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", variables),
                headers);
    }

    private JsonNode complaintAsStaff(String trackingNumber) {
        return complaints.get("prosecutor", "/api/complaints/" + trackingNumber, Map.of()).body();
    }

    private JsonNode publicStatus(String trackingNumber, String acceptLanguage) {
        return complaints.get(null, "/api/complaints/" + trackingNumber,
                acceptLanguage == null ? Map.of() : Map.of("Accept-Language", acceptLanguage)).body();
    }

    private long outboxRowsOf(String trackingNumber) {
        Long count = jdbc.queryForObject("select count(*) from notification_outbox where recipient = ?", Long.class,
                "complaint:" + trackingNumber);
        return count == null ? 0 : count;
    }

    private List<MimeMessage> mailTo(String address) throws Exception {
        sender.sendAllDue();
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(to -> to.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private long cases() {
        return processEngine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("ViolationCase")
                .count();
    }

    @Test
    void acceptOpensACaseWithSourceComplaintLinkedBothWaysAndTellsTheComplainantInRussian() throws Exception {
        byte[] photo = jpeg(3_000);
        Reply withPhoto = complaints.submitWithFiles(complaint(election, "almaty", YESTERDAY),
                List.of(new ComplaintClient.Upload("IMG_0007.jpg", photo, "image/jpeg")), newClient());
        assertThat(withPhoto.status()).as(withPhoto.text()).isEqualTo(201);
        String trackingNumber = withPhoto.body().get("trackingNumber").asText();
        String iin = TestIins.next();
        Answer completed = complete(ALMATY_PROSECUTOR, task(trackingNumber), Map.of("triageDecision", "ACCEPT",
                "offenderIin", iin, "districtCommission", "1", "article", "102"), null);
        assertThat(completed.status()).as(completed.text()).isEqualTo(204);

        JsonNode complaint = complaintAsStaff(trackingNumber);
        assertThat(complaint.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(complaint.get("answeredBy").asText()).isEqualTo(ALMATY_PROSECUTOR);
        assertThat(complaint.get("triageTaskId").isNull()).isTrue();
        String caseNumber = complaint.get("caseNumber").asText();
        assertThat(caseNumber).matches("\\d{4}-\\d{6}");

        Answer view = http.get("prosecutor", "/api/cases/" + caseNumber);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.body().get("source").asText()).isEqualTo("COMPLAINT");
        assertThat(view.body().get("complaints")).hasSize(1);
        assertThat(view.body().get("complaints").get(0).asText()).isEqualTo(trackingNumber);
        // what the completion left empty came from the complaint
        assertThat(view.body().at("/offender/name").asText()).isEqualTo("Complained Candidate");
        assertThat(view.body().at("/offender/kind").asText()).isEqualTo("CANDIDATE");
        assertThat(view.body().at("/offender/iin").asText()).isEqualTo(iin);
        assertThat(view.body().get("committedOn").asText()).isEqualTo("2026-03-31");
        assertThat(view.body().get("description").asText()).startsWith("Campaign leaflets");
        String instance = view.body().get("processInstanceId").asText();
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("complaintTrackingNumber").singleResult().getValue()).isEqualTo(trackingNumber);
        assertThat(runtimeService.getActiveActivityIds(instance)).containsExactly("Task_CheckFact");
        // the complaint's photo is the case's evidence, the same bytes, added by whoever accepted it
        JsonNode evidence = http.get("prosecutor", "/api/cases/" + caseNumber + "/evidence").body();
        assertThat(evidence).hasSize(1);
        assertThat(evidence.get(0).get("sha256").asText()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(photo)));
        assertThat(evidence.get(0).get("addedBy").asText()).isEqualTo(ALMATY_PROSECUTOR);
        assertThat(evidence.get(0).get("note").asText()).contains(trackingNumber);
        assertThat(evidence.get(0).get("fileName").asText()).isEqualTo("IMG_0007.jpg");

        assertThat(publicStatus(trackingNumber, "en").get("answer").asText())
                .isEqualTo("The complaint was accepted: case " + caseNumber + " was opened, and the prosecutors work on it.");
        assertThat(publicStatus(trackingNumber, null).get("answer").asText()).contains("заведено дело " + caseNumber);
        assertThat(publicStatus(trackingNumber, null).get("answerDueAt").isNull()).isTrue();

        List<MimeMessage> mail = mailTo("aigerim@example.kz");
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).getSubject()).isEqualTo("Жалоба " + trackingNumber + ": ответ");
        String body = (String) mail.get(0).getContent();
        assertThat(body).contains("Ваша жалоба " + trackingNumber + " от 01.04.2026 10:00 (Asia/Almaty) рассмотрена",
                "Статус: принята, заведено дело", "заведено дело " + caseNumber,
                "https://elections.example.kz/complaint/status.html?n=" + trackingNumber).doesNotContain(iin);
        assertThat(mailTo("aigerim@example.kz")).hasSize(1);
    }

    @Test
    void anAcceptanceTheIntakeRefusesNamesTheFieldsAndKeepsTheTaskOpenWithNothingSent() {
        String trackingNumber = received(complaint(election, "almaty", YESTERDAY), null);
        long cases = cases();
        Task task = task(trackingNumber);
        Answer refused = complete(ALMATY_PROSECUTOR, task, Map.of("triageDecision", "ACCEPT",
                "offenderIin", "123456789012", "districtCommission", "1"), "ru");

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.body().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("variables.offenderIin", "variables.article");
        assertThat(refused.body().get("message").asText()).startsWith("Задача не завершена")
                .contains("ИИН нарушителя", "Статья");
        assertThat(task(trackingNumber).getId()).isEqualTo(task.getId());
        assertThat(cases()).isEqualTo(cases);
        assertThat(complaintAsStaff(trackingNumber).get("status").asText()).isEqualTo("RECEIVED");
        assertThat(outboxRowsOf(trackingNumber)).isZero();

        Answer noDecision = complete(ALMATY_PROSECUTOR, task, Map.of("triageDecision", "MAYBE"), null);
        assertThat(noDecision.body().get("errors").findValuesAsText("field")).containsExactly("variables.triageDecision");
        // a completion carries the form's fields only
        Answer smuggled = complete(ALMATY_PROSECUTOR, task, Map.of("triageDecision", "ACCEPT", "source", "MONITORING",
                "trackingNumber", "C-2222222222", "article", "102"), null);
        assertThat(smuggled.status()).isEqualTo(400);
        assertThat(smuggled.body().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("variables.source", "variables.trackingNumber");
        assertThat(cases()).isEqualTo(cases);
    }

    @Test
    void mergeJoinsTheComplaintToAnExistingCaseOfTheRegion() throws Exception {
        String existing = intake.register(new CaseIntakeRequest(election.id(), "Almaty", YESTERDAY.toString(),
                "Polling station 117", new CaseIntakeRequest.Offender("CANDIDATE", "Complained Candidate",
                TestIins.next(), null, "1"), null, "102", null, "MONITORING", "Leaflets")).caseNumber();
        String elsewhere = intake.register(new CaseIntakeRequest(election.id(), "Astana", YESTERDAY.toString(),
                "Polling station 5", new CaseIntakeRequest.Offender("CITIZEN", "Someone Else", TestIins.next(), null,
                null), null, "114", null, "MONITORING", "Posters torn down")).caseNumber();
        String first = received(complaint(election, "almaty", YESTERDAY), null);
        Map<String, String> kazakh = newClient();
        kazakh.put("Accept-Language", "kk");
        Reply withPhoto = complaints.submitWithFiles(complaint(election, "almaty", YESTERDAY),
                List.of(new ComplaintClient.Upload("leaflet.png", jpeg(1_500), "image/jpeg")), kazakh);
        assertThat(withPhoto.status()).as(withPhoto.text()).isEqualTo(201);
        String second = withPhoto.body().get("trackingNumber").asText();

        // the second's task suggests the first complaint and the open case: same offender, place and day
        Task task = task(second);
        assertThat((String) taskService.getVariableLocal(task.getId(), "similar")).contains(first, existing);
        JsonNode similar = complaints.get(ALMATY_PROSECUTOR, "/api/complaints/" + second + "/similar", Map.of()).body();
        assertThat(similar.get("complaints").findValuesAsText("trackingNumber")).contains(first);
        assertThat(similar.get("complaints").get(0).get("matches").toString()).contains("OFFENDER", "PLACE", "DAY");
        assertThat(similar.get("cases").findValuesAsText("caseNumber")).contains(existing).doesNotContain(elsewhere);

        Answer unknown = complete(ALMATY_PROSECUTOR, task, Map.of("triageDecision", "MERGE", "caseNumber", "2026-999999"),
                null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("errors").findValuesAsText("field")).containsExactly("variables.caseNumber");
        Answer otherRegion = complete(ALMATY_PROSECUTOR, task, Map.of("triageDecision", "MERGE", "caseNumber", elsewhere),
                null);
        assertThat(otherRegion.body().get("errors").findValuesAsText("field")).containsExactly("variables.caseNumber");
        Answer missing = complete(ALMATY_PROSECUTOR, task, Map.of("triageDecision", "MERGE"), null);
        assertThat(missing.body().get("errors").findValuesAsText("field")).containsExactly("variables.caseNumber");

        assertThat(complete(ALMATY_PROSECUTOR, task, Map.of("triageDecision", "MERGE", "caseNumber", existing), null)
                .status()).isEqualTo(204);
        assertThat(complete("prosecutor", task(first), Map.of("triageDecision", "MERGE", "caseNumber", existing), null)
                .status()).isEqualTo(204);

        assertThat(publicStatus(second, null).get("status").asText()).isEqualTo("MERGED");
        assertThat(publicStatus(second, "en").get("answer").asText()).isEqualTo("The complaint was joined to case "
                + existing + ", which the prosecutors already work on.");
        JsonNode view = http.get("prosecutor", "/api/cases/" + existing).body();
        assertThat(view.get("complaints")).hasSize(2);
        assertThat(view.get("complaints").toString()).contains(first, second);
        // the merged complaint's file joins the case's evidence, named as the JPEG it is
        JsonNode evidence = http.get("prosecutor", "/api/cases/" + existing + "/evidence").body();
        assertThat(evidence).singleElement().satisfies(file -> {
            assertThat(file.get("note").asText()).contains(second);
            assertThat(file.get("contentType").asText()).isEqualTo("image/jpeg");
        });
        // the complaint came from the page in Kazakh: its e-mail is in Kazakh
        List<MimeMessage> mail = mailTo("aigerim@example.kz");
        assertThat(mail).extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder(second + " шағым: жауап", "Жалоба " + first + ": ответ");
    }

    @Test
    void rejectNeedsAReasonWhichTheComplainantReadsAndTasklistCompletesIt() throws Exception {
        String trackingNumber = received(complaint(election, "almaty", YESTERDAY), "kk-KZ");
        Task task = task(trackingNumber);
        Answer noReason = complete(ALMATY_PROSECUTOR, task, Map.of("triageDecision", "REJECT"), "kk");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("errors").findValuesAsText("field")).containsExactly("variables.reason");
        assertThat(noReason.body().get("message").asText()).contains("Себебі");
        assertThat(outboxRowsOf(trackingNumber)).isZero();

        TasklistSession tasklist = new TasklistSession(port, ALMATY_PROSECUTOR);
        assertThat(tasklist.tasks(task.getProcessInstanceId())).hasSize(1);
        var submitted = tasklist.call("POST", "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form",
                "{\"variables\":{\"triageDecision\":{\"value\":\"REJECT\"},\"reason\":{\"value\":"
                        + "\"  Сайлау заңнамасына қатысы жоқ.  \"}}}", "kk");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);

        JsonNode status = publicStatus(trackingNumber, "en");
        assertThat(status.get("status").asText()).isEqualTo("REJECTED");
        assertThat(status.get("answer").asText()).isEqualTo("Сайлау заңнамасына қатысы жоқ.");
        List<MimeMessage> mail = mailTo("aigerim@example.kz");
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).getSubject()).isEqualTo(trackingNumber + " шағым: жауап");
        assertThat((String) mail.get(0).getContent()).contains("Мәртебесі: қабылданбады",
                "Жауап: Сайлау заңнамасына қатысы жоқ.");
    }

    @Test
    void aRolledBackCompletionAnswersNothingAndSendsNothing() {
        String trackingNumber = received(complaint(election, "almaty", YESTERDAY), null);
        Task task = task(trackingNumber);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            taskService.complete(task.getId(), Map.of("triageDecision", "REJECT", "reason", "Out of scope"));
            assertThat(outboxRowsOf(trackingNumber)).isEqualTo(1);
            status.setRollbackOnly();
        });
        assertThat(outboxRowsOf(trackingNumber)).isZero();
        assertThat(task(trackingNumber).getId()).isEqualTo(task.getId());
        assertThat(publicStatus(trackingNumber, null).get("status").asText()).isEqualTo("RECEIVED");
    }

    @Test
    void anAnonymousComplaintIsAnsweredWithTheLawsReasonOfferedAndNoMail() throws Exception {
        Map<String, Object> anonymous = complaint(election, "almaty", YESTERDAY);
        anonymous.remove("contact");
        String trackingNumber = received(anonymous, null);
        // the form offers the law's reason: the prosecutor chooses REJECT and submits it as offered
        Task task = task(trackingNumber);
        String offered = (String) taskService.getVariable(task.getId(), "reason");
        assertThat(complete(ALMATY_PROSECUTOR, task, Map.of("triageDecision", "REJECT", "reason", offered), null)
                .status()).isEqualTo(204);
        assertThat(publicStatus(trackingNumber, null).get("answer").asText()).contains("анонимная жалоба по закону");
        assertThat(outboxRowsOf(trackingNumber)).isZero();
    }

    @Test
    void theAnswerIsDueAtTheLawsTermAsTheElectionsCalendarLies() {
        Map<String, Instant> due = new HashMap<>();
        Map<String, String> votingDays = Map.of("lastDays", "2026-04-04", "votingDay", "2026-04-01",
                "campaign", "2026-05-01", "beforeTheCampaign", "2026-07-10", "afterVoting", "2026-03-01");
        votingDays.forEach((name, votingDay) -> {
            Election one = election(votingDay, "Asia/Almaty");
            String trackingNumber = received(complaint(one, "almaty", YESTERDAY), null);
            Instant taskDue = task(trackingNumber).getDueDate().toInstant();
            assertThat(Instant.parse(complaintAsStaff(trackingNumber).get("answerDueAt").asText())).isEqualTo(taskDue);
            due.put(name, taskDue);
        });
        Instant endOfNextDay = LocalDate.parse("2026-04-03").atStartOfDay(ALMATY).toInstant();
        Instant fifteenWorkingDays = workingDays.workingDaysAfter(LocalDate.parse("2026-04-01"), 15).plusDays(1)
                .atStartOfDay(ALMATY).toInstant();
        assertThat(due).containsEntry("lastDays", endOfNextDay)
                .containsEntry("votingDay", endOfNextDay)
                .containsEntry("campaign", NOW.plus(Duration.ofDays(5)))
                .containsEntry("beforeTheCampaign", fifteenWorkingDays)
                .containsEntry("afterVoting", fifteenWorkingDays);
        assertThat(fifteenWorkingDays).isAfter(NOW.plus(Duration.ofDays(20)));
    }

    @Test
    void aSingleComplaintHasItsTaskWhenItsReceiptArrivesAndNoJobIsLeft() {
        String trackingNumber = received(complaint(election, "almaty", YESTERDAY), null);
        assertThat(task(trackingNumber)).isNotNull();
        assertThat(triageStartJobs(trackingNumber)).isEmpty();
        assertThat(complaintAsStaff(trackingNumber).get("triageTaskId").asText()).isEqualTo(task(trackingNumber).getId());
        // Tasklist's columns: the complaint's offender and election; no case number until the answer
        assertThat(taskService.getVariablesLocal(task(trackingNumber).getId()))
                .containsEntry("listOffenderName", "Complained Candidate")
                .containsEntry("listElectionName", election.name())
                .doesNotContainKeys("listCaseNumber", "listArticle");
    }

    @Test
    void aNodeBusyWithComplaintsLeavesTheTriageToTheJobExecutorAndTheTermStillCountsFromTheReceipt() {
        String[] trackingNumber = new String[1];
        Reply[] receipt = new Reply[1];
        starts.whileBusy(() -> {
            receipt[0] = complaints.submit(complaint(election, "almaty", YESTERDAY), newClient());
            trackingNumber[0] = receipt[0].body().get("trackingNumber").asText();
        });
        assertThat(receipt[0].status()).as(receipt[0].text()).isEqualTo(201);
        Instant due = NOW.plus(Duration.ofDays(5));
        // the receipt tells the tracking number; the due date comes with the triage
        assertThat(receipt[0].body().get("answerDueAt").isNull()).isTrue();
        assertThat(receipt[0].body().get("notice").asText()).contains(trackingNumber[0]).doesNotContain("ответ — до");
        assertThat(task(trackingNumber[0])).isNull();
        assertThat(complaintAsStaff(trackingNumber[0]).get("triageTaskId").isNull()).isTrue();
        // the job is due a job delay after the receipt: the job executor leaves it alone until then
        List<String> jobs = triageStartJobs(trackingNumber[0]);
        assertThat(jobs).hasSize(1);
        assertThat(managementService.createJobQuery().jobId(jobs.get(0)).singleResult().getDuedate().toInstant())
                .isEqualTo(NOW.plus(Duration.ofSeconds(5)));
        assertThat(managementService.createJobQuery().jobId(jobs.get(0)).executable().count()).isZero();
        assertThat(publicStatus(trackingNumber[0], "en").get("status").asText()).isEqualTo("RECEIVED");
        assertThat(publicStatus(trackingNumber[0], "en").get("answerDueAt").isNull()).isTrue();

        // the job executor runs it two hours later (many complaints at once): the term is the receipt's
        setClock(NOW.plus(Duration.ofHours(2)));
        assertThat(managementService.createJobQuery().jobId(jobs.get(0)).executable().count()).isOne();
        Task task = triageStarted(trackingNumber[0]);
        assertThat(task.getDueDate().toInstant()).isEqualTo(due);
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .containsExactlyInAnyOrder("prosecutors", "prosecutors-almaty");
        assertThat(complaintAsStaff(trackingNumber[0]).get("triageTaskId").asText()).isEqualTo(task.getId());
        assertThat(taskService.getVariablesLocal(task.getId())).containsEntry("listElectionName", election.name());
        assertThat(Instant.parse(publicStatus(trackingNumber[0], "en").get("answerDueAt").asText())).isEqualTo(due);
        assertThat(triageStartJobs(trackingNumber[0])).isEmpty();
    }

    @Test
    void aTriageThatCannotStartWithItsReceiptLosesNoComplaintAndStartsOnItsJobsRetry() {
        // an administrator suspended the triage's process: the request's start fails after the commit
        processEngine.getRepositoryService().suspendProcessDefinitionByKey(TriageVariables.PROCESS_KEY);
        Reply receipt;
        try {
            receipt = complaints.submit(complaint(election, "almaty", YESTERDAY), newClient());
        } finally {
            processEngine.getRepositoryService().activateProcessDefinitionByKey(TriageVariables.PROCESS_KEY);
        }
        assertThat(receipt.status()).as(receipt.text()).isEqualTo(201);
        String trackingNumber = receipt.body().get("trackingNumber").asText();
        assertThat(publicStatus(trackingNumber, "en").get("status").asText()).isEqualTo("RECEIVED");
        assertThat(task(trackingNumber)).isNull();
        List<String> jobs = triageStartJobs(trackingNumber);
        assertThat(jobs).hasSize(1);
        assertThat(managementService.createJobQuery().jobId(jobs.get(0)).singleResult().getRetries())
                .as("one attempt used").isEqualTo(2);

        Task task = triageStarted(trackingNumber);
        assertThat(task).isNotNull();
        assertThat(task.getDueDate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(5)));
        assertThat(triageStartJobs(trackingNumber)).isEmpty();
    }

    @Test
    void aComplaintGetsOneTriageHoweverOftenItsStartIsAskedFor() {
        String trackingNumber = received(complaint(election, "almaty", YESTERDAY), null);
        Task task = task(trackingNumber);
        // a second job for the same complaint (none is written, but a job may run twice): no second triage
        engineConfiguration.getCommandExecutorTxRequired().execute(commandContext -> {
            TriageStartJob.schedule(commandContext, trackingNumber, null);
            return null;
        });
        triageStarted(trackingNumber);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(TriageVariables.PROCESS_KEY)
                .processInstanceBusinessKey(trackingNumber).count()).isOne();
        assertThat(task(trackingNumber).getId()).isEqualTo(task.getId());
        assertThat(triageStartJobs(trackingNumber)).isEmpty();
        assertThat(managementService.createJobQuery().processDefinitionKey(TriageVariables.PROCESS_KEY).noRetriesLeft()
                .count()).isZero();

        // an administrator's start over the engine's REST API is refused, and starts nothing
        Answer started = http.post("demo", "/engine-rest/process-definition/key/ComplaintTriage/start", Map.of(
                "businessKey", trackingNumber, "variables", Map.of("trackingNumber", Map.of("value", trackingNumber))));
        assertThat(started.status()).as(started.text()).isEqualTo(400);
        assertThat(started.body().get("errors").findValuesAsText("field")).containsExactly("variables.trackingNumber");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(TriageVariables.PROCESS_KEY)
                .processInstanceBusinessKey(trackingNumber).count()).isOne();
    }

    @Test
    void aRegionalOfficeIsRefusedAnotherRegionsTaskOverTheEngineApiAndTasklist() {
        String trackingNumber = received(complaint(election, "almaty", YESTERDAY), null);
        Task task = task(trackingNumber);
        String instance = task.getProcessInstanceId();

        assertThat(http.get(ASTANA_PROSECUTOR, "/engine-rest/task?processInstanceId=" + instance).body()).isEmpty();
        assertThat(http.get(ASTANA_PROSECUTOR, "/engine-rest/task/" + task.getId()).status()).isIn(403, 404);
        assertThat(http.get(ASTANA_PROSECUTOR, "/engine-rest/task/" + task.getId() + "/form-variables").status())
                .isIn(403, 404);
        assertThat(http.get(ASTANA_PROSECUTOR, "/engine-rest/process-instance?businessKey=" + trackingNumber).body())
                .isEmpty();
        assertThat(http.get(ASTANA_PROSECUTOR, "/engine-rest/history/process-instance?processInstanceBusinessKey="
                + trackingNumber).body()).isEmpty();
        Answer completed = complete(ASTANA_PROSECUTOR, task, Map.of("triageDecision", "REJECT", "reason", "Not ours"),
                null);
        assertThat(completed.status()).isIn(403, 404);
        assertThat(http.send(ASTANA_PROSECUTOR, "POST", "/engine-rest/task/" + task.getId() + "/claim",
                Map.of("userId", ASTANA_PROSECUTOR)).status()).isIn(403, 404);

        TasklistSession tasklist = new TasklistSession(port, ASTANA_PROSECUTOR);
        assertThat(tasklist.tasks(instance)).isEmpty();
        var submitted = tasklist.call("POST", "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form",
                "{\"variables\":{\"triageDecision\":{\"value\":\"REJECT\"},\"reason\":{\"value\":\"Not ours\"}}}", null);
        assertThat(submitted.statusCode()).isIn(403, 404);

        assertThat(task(trackingNumber).getId()).isEqualTo(task.getId());
        assertThat(task(trackingNumber).getAssignee()).isNull();
        assertThat(publicStatus(trackingNumber, null).get("status").asText()).isEqualTo("RECEIVED");
        // the region's own office and the General Prosecutor's Office see it
        assertThat(http.get(ALMATY_PROSECUTOR, "/engine-rest/task?processInstanceId=" + instance).body()).hasSize(1);
        assertThat(http.get("prosecutor", "/engine-rest/task?processInstanceId=" + instance).body()).hasSize(1);
        assertThat(http.get("prosecutor", "/engine-rest/task/" + task.getId() + "/form-variables").body()
                .get("trackingNumber").get("value").asText()).isEqualTo(trackingNumber);
    }
}
