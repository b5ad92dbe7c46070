package kz.elections.violations.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import kz.elections.violations.election.Election;
import kz.elections.violations.escalation.EscalationSweep;
import kz.elections.violations.escalation.TaskEscalated;
import kz.elections.violations.support.CaseTestSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mail notifications against a real SMTP server in the test (GreenMail): who receives which message,
 * in which language, once, only for committed work, and what happens while the mail server is down.
 */
class EmailNotificationsTest extends CaseTestSupport {

    private static final int SMTP_PORT = freePort();
    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");
    private static GreenMail smtp;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("notifications.max-attempts", () -> 3);
        registry.add("notifications.base-url", () -> "https://elections.example.kz");
    }

    @Autowired
    NotificationSender sender;
    @Autowired
    EscalationSweep escalationSweep;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    NotificationPreferences preferences;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;

    private Election election;

    @BeforeAll
    static void startTheMailServer() {
        smtp = startSmtp();
    }

    @AfterAll
    static void stopTheMailServer() {
        smtp.stop();
    }

    @BeforeEach
    void electionOnTheNineteenthOfMarch() throws Exception {
        election = election("2023-03-19", "Asia/Almaty");
        setClock("2023-03-01T10:00", "Asia/Almaty");
        // the cases are Almaty's: the Almaty office's member switches off, so each test reads the General
        // Prosecutor's Office's mail (theRegionsOfficeIsToldOfItsRegionsTasksOnly has both)
        preferences.set("prosecutor-almaty", new NotificationPreferences.Preference(false, "ru"));
        // what earlier tests and the demo briefing left due is sent first, so each test reads its own mail
        sender.sendDue();
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void defaultPreferences() {
        for (String user : List.of("prosecutor", "commission1", "commission2", "cec", "prosecutor-almaty")) {
            preferences.set(user, new NotificationPreferences.Preference(true, "ru"));
        }
        identityService.clearAuthentication();
    }

    @Test
    void aRegistrationTaskOfDistrictOneReachesCommissionOneOnceInRussianAndCommissionTwoNothing() throws Exception {
        ProcessInstance instance = startCase(election, "CANDIDATE", "102", "2023-02-25");
        String caseNumber = instance.getBusinessKey();
        String iin = (String) runtimeService.getVariable(instance.getId(), "offenderIin");
        bringToLegalEffectWait(instance, "2023-03-01");
        fire(instance, "Event_AppealPeriodExpired");
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CancelRegistration");
        Task cancellation = task(instance);

        assertThat(rowsOf(caseNumber, "task-created:" + cancellation.getId())).extracting(NotificationOutbox.Row::recipient)
                .containsExactly("commission1");
        sender.sendDue();
        sender.sendDue();

        List<MimeMessage> toCommission1 = mailTo("commission1@example.org", caseNumber);
        assertThat(toCommission1).hasSize(1);
        MimeMessage message = toCommission1.get(0);
        assertThat(message.getSubject()).isEqualTo("Дело " + caseNumber + ": новая задача «Отменить регистрацию кандидата»");
        String body = body(message);
        assertThat(body).contains("По делу " + caseNumber)
                .contains("Срок: 17.03.2023 00:00 (Asia/Almaty)")
                .contains("https://elections.example.kz/camunda/app/tasklist/default/#/?task=" + cancellation.getId())
                .contains("https://elections.example.kz/cases/" + caseNumber);
        assertThat(mailTo("commission2@example.org", caseNumber)).isEmpty();
        assertThat(outbox.forCase(caseNumber)).allSatisfy(row -> assertThat(row.recipient()).isNotEqualTo("commission2"));

        // every message of the case (the prosecutor's tasks, the CEC's consent, the commission's task): no IIN
        List<MimeMessage> ofTheCase = mailTo(null, caseNumber);
        assertThat(ofTheCase).extracting(m -> m.getAllRecipients()[0].toString())
                .contains("prosecutor@example.org", "cec@example.org", "commission1@example.org");
        for (MimeMessage each : ofTheCase) {
            assertThat(body(each)).doesNotContain(iin).doesNotContainPattern(TWELVE_DIGITS);
            assertThat(each.getSubject()).doesNotContain(iin);
        }
    }

    @Test
    void theRegionsOfficeIsToldOfItsRegionsTasksOnly() throws Exception {
        preferences.set("prosecutor-almaty", new NotificationPreferences.Preference(true, "kk"));
        ProcessInstance instance = startCase(election, "CITIZEN", "114", "2023-02-25");
        String caseNumber = instance.getBusinessKey();
        assertThat(rowsOf(caseNumber, "task-created:" + task(instance).getId()))
                .extracting(NotificationOutbox.Row::recipient).containsExactlyInAnyOrder("prosecutor", "prosecutor-almaty");
        sender.sendDue();
        List<MimeMessage> toTheOffice = mailTo("prosecutor-almaty@example.org", caseNumber);
        assertThat(toTheOffice).hasSize(1);
        assertThat(toTheOffice.get(0).getSubject()).isEqualTo("Іс " + caseNumber + ": жаңа тапсырма «Фактіні тексеру»");
        assertThat(mailTo("prosecutor@example.org", caseNumber)).hasSize(1);
        assertThat(mailTo("prosecutor-astana@example.org", caseNumber)).isEmpty();
    }

    @Test
    void aUserWhoChoseKazakhReadsKazakh() throws Exception {
        preferences.set("prosecutor", new NotificationPreferences.Preference(true, "kk"));
        ProcessInstance instance = startCase(election, "CANDIDATE", "102", "2023-02-25");
        String caseNumber = instance.getBusinessKey();
        sender.sendDue();

        List<MimeMessage> mail = mailTo("prosecutor@example.org", caseNumber);
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).getSubject()).isEqualTo("Іс " + caseNumber + ": жаңа тапсырма «Фактіні тексеру»");
        assertThat(body(mail.get(0))).contains(caseNumber + " ісі бойынша").contains("Мерзімі: 04.03.2023 10:00")
                .contains("Тапсырманы ашу: https://elections.example.kz/camunda/app/tasklist/default/#/?task="
                        + task(instance).getId())
                .doesNotContain("Задача");
    }

    @Test
    void aUserWhoSwitchedNotificationsOffGetsNothingUntilSwitchedOnAgain() {
        preferences.set("prosecutor", new NotificationPreferences.Preference(false, "ru"));
        ProcessInstance quiet = startCase(election, "CITIZEN", "114", "2023-02-25");
        sender.sendDue();
        assertThat(outbox.forCase(quiet.getBusinessKey())).isEmpty();
        assertThat(mailTo("prosecutor@example.org", quiet.getBusinessKey())).isEmpty();

        preferences.set("prosecutor", new NotificationPreferences.Preference(true, "ru"));
        ProcessInstance told = startCase(election, "CITIZEN", "114", "2023-02-25");
        sender.sendDue();
        assertThat(mailTo("prosecutor@example.org", told.getBusinessKey())).hasSize(1);
    }

    @Test
    void aRefusedCompletionOrARolledBackOneWritesNothingAndAClosedCaseTellsTheProsecutorWhoRegisteredIt()
            throws Exception {
        identityService.setAuthentication("prosecutor", List.of("prosecutors"));
        ProcessInstance instance = startCase(election, "CITIZEN", "114", "2023-02-25");
        identityService.clearAuthentication();
        String caseNumber = instance.getBusinessKey();
        int before = outbox.forCase(caseNumber).size();

        // "not confirmed" without a reason is refused: the case stays open, nothing is written
        assertThatThrownBy(() -> complete(task(instance), withVariables("factConfirmed", false)))
                .isInstanceOf(RuntimeException.class);
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CheckFact");
        assertThat(outbox.forCase(caseNumber)).hasSize(before);

        // a completion that created the next task, in a transaction that rolls back: no row for its task
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            complete(task(instance), withVariables("factConfirmed", true));
            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_RecordCourtRuling");
            assertThat(rowsOfCase(caseNumber, "prosecutor")).hasSize(before + 1);
            status.setRollbackOnly();
        });
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CheckFact");
        assertThat(outbox.forCase(caseNumber)).hasSize(before);

        complete(task(instance), withVariables("factConfirmed", false, "reason", "No leaflets were found"));
        BpmnAwareTests.assertThat(instance).isEnded();
        List<NotificationOutbox.Row> closed = outbox.forCase(caseNumber).stream()
                .filter(row -> row.eventKey().startsWith("case-closed:")).toList();
        assertThat(closed).extracting(NotificationOutbox.Row::recipient).containsExactly("prosecutor");
        sender.sendDue();
        List<MimeMessage> mail = mailTo("prosecutor@example.org", caseNumber).stream()
                .filter(m -> subject(m).endsWith("закрыто")).toList();
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).getSubject()).isEqualTo("Дело " + caseNumber + " закрыто");
        assertThat(body(mail.get(0))).contains("факт не подтвердился").contains("/cases/" + caseNumber);
    }

    @Test
    void anEscalatedTaskTellsItsGroupOncePerEscalation() throws Exception {
        ProcessInstance instance = startCase(election, "CANDIDATE", "102", "2023-02-25");
        Task check = task(instance);
        TaskEscalated escalated = new TaskEscalated(check.getId(), check.getTaskDefinitionKey(), instance.getId(),
                instance.getBusinessKey(), election.id(), "OVERDUE", Instant.now());
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> events.publishEvent(escalated));
        transaction.executeWithoutResult(status -> events.publishEvent(escalated));

        assertThat(rowsOf(instance.getBusinessKey(), "task-escalated:" + check.getId() + ":OVERDUE")).extracting(NotificationOutbox.Row::recipient)
                .containsExactly("prosecutor");
        sender.sendDue();
        List<MimeMessage> urgent = mailTo("prosecutor@example.org", instance.getBusinessKey()).stream()
                .filter(m -> subject(m).contains("срочно")).toList();
        assertThat(urgent).hasSize(1);
        assertThat(body(urgent.get(0))).contains("Срок задачи «Проверить факт» по делу " + instance.getBusinessKey()
                + " истёк");
    }

    @Test
    void aCancellationStillOpenADayBeforeTheFreezeAlertsTheDistrictCommissionAndTheCasesProsecutorOnly()
            throws Exception {
        // registered by "prosecutor"; the ruling recorded by a second prosecutor; the consent claimed by the CEC
        org.camunda.bpm.engine.identity.User duty = identityService.newUser("prosecutor-duty");
        duty.setEmail("prosecutor-duty@example.org");
        identityService.saveUser(duty);
        identityService.createMembership("prosecutor-duty", "prosecutors");
        try {
            identityService.setAuthentication("prosecutor", List.of("prosecutors"));
            ProcessInstance instance = startCase(election, "CANDIDATE", "102", "2023-02-25");
            identityService.clearAuthentication();
            alertOnTheEveOfTheFreeze(instance);
        } finally {
            identityService.deleteUser("prosecutor-duty");
        }
    }

    private void alertOnTheEveOfTheFreeze(ProcessInstance instance) throws Exception {
        String caseNumber = instance.getBusinessKey();
        complete(task("Task_CheckFact", instance), withVariables("factConfirmed", true));
        taskService.claim(task("Task_DecideConsent", instance).getId(), "cec");
        complete(task("Task_DecideConsent", instance), withVariables("consentGranted", true));
        taskService.claim(task("Task_RecordCourtRuling", instance).getId(), "prosecutor-duty");
        complete(task("Task_RecordCourtRuling", instance), withVariables("rulingOutcome", "FINE", "fineMci", 20,
                "abbreviatedProcedure", false, "rulingDate", "2023-03-01"));
        fire(instance, "Event_AppealPeriodExpired");
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CancelRegistration");
        sender.sendDue();
        smtp.purgeEmailFromAllMailboxes();

        // the freeze from 17 March 00:00: the sweep a day before it escalates the commission's task
        setClock("2023-03-16T00:00", "Asia/Almaty");
        assertThat(escalationSweep.sweep()).isPositive();
        escalationSweep.sweep();
        sender.sendDue();
        sender.sendDue();

        List<MimeMessage> urgent = mailTo(null, caseNumber).stream().filter(m -> subject(m).contains("срочно")).toList();
        assertThat(urgent).extracting(m -> recipients(m).get(0))
                .containsExactlyInAnyOrder("commission1@example.org", "prosecutor@example.org",
                        "prosecutor-duty@example.org");
        assertThat(urgent.get(0).getSubject())
                .isEqualTo("Дело " + caseNumber + ": срочно — задача «Отменить регистрацию кандидата»");
        assertThat(body(urgent.get(0))).contains("скоро начнётся запрет на изменение регистрации")
                .contains("Срок: 17.03.2023 00:00 (Asia/Almaty)");
        assertThat(mailTo("commission2@example.org", caseNumber)).isEmpty();
        assertThat(mailTo("cec@example.org", caseNumber)).isEmpty();
    }

    @Test
    void whileTheMailServerIsDownAMessageWaitsAndIsSentOnceWhenItIsBack() throws Exception {
        smtp.stop();
        ProcessInstance instance = startCase(election, "CITIZEN", "114", "2023-02-25");
        String caseNumber = instance.getBusinessKey();
        sender.sendDue();

        NotificationOutbox.Row waiting = onlyRow(caseNumber);
        assertThat(waiting.status()).isEqualTo("PENDING");
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).isNotBlank();
        assertThat(waiting.nextAttemptAt()).isEqualTo(now().plus(Duration.ofMinutes(1)));
        // not due yet: no second attempt
        sender.sendDue();
        assertThat(onlyRow(caseNumber).attempts()).isEqualTo(1);

        smtp = startSmtp();
        setClock(now().plus(Duration.ofMinutes(1)));
        sender.sendDue();
        sender.sendDue();
        NotificationOutbox.Row sent = onlyRow(caseNumber);
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.sentAt()).isEqualTo(now());
        assertThat(mailTo("prosecutor@example.org", caseNumber)).hasSize(1);
    }

    @Test
    void aMessageTheServerNeverTakesIsGivenUpAfterTheLastAttemptWithLongerWaits() {
        smtp.stop();
        try {
            ProcessInstance instance = startCase(election, "CITIZEN", "114", "2023-02-25");
            String caseNumber = instance.getBusinessKey();
            sender.sendDue();
            assertThat(onlyRow(caseNumber).nextAttemptAt()).isEqualTo(now().plus(Duration.ofMinutes(1)));
            setClock(now().plus(Duration.ofMinutes(1)));
            sender.sendDue();
            assertThat(onlyRow(caseNumber).attempts()).isEqualTo(2);
            assertThat(onlyRow(caseNumber).nextAttemptAt()).isEqualTo(now().plus(Duration.ofMinutes(2)));
            setClock(now().plus(Duration.ofMinutes(2)));
            sender.sendDue();
            assertThat(onlyRow(caseNumber).status()).isEqualTo("FAILED");
            assertThat(onlyRow(caseNumber).attempts()).isEqualTo(3);
            setClock(now().plus(Duration.ofDays(1)));
            sender.sendDue();
            assertThat(onlyRow(caseNumber).attempts()).isEqualTo(3);
        } finally {
            smtp = startSmtp();
        }
    }

    @Test
    void twoSendersAtOnceSendEachMessageOnce() throws Exception {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            cases.add(startCase(election, "CITIZEN", "114", "2023-02-25").getBusinessKey());
        }
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                runs.add(nodes.submit(() -> {
                    together.await();
                    return sender.sendDue();
                }));
            }
            int handled = 0;
            for (Future<Integer> run : runs) {
                handled += run.get();
            }
            assertThat(handled).isGreaterThanOrEqualTo(10);
        } finally {
            nodes.shutdown();
        }
        for (String caseNumber : cases) {
            assertThat(onlyRow(caseNumber).status()).isEqualTo("SENT");
            assertThat(mailTo("prosecutor@example.org", caseNumber)).as(caseNumber).hasSize(1);
        }
    }

    private List<NotificationOutbox.Row> rowsOf(String caseNumber, String eventKey) {
        return outbox.forCase(caseNumber).stream().filter(row -> row.eventKey().equals(eventKey)).toList();
    }

    private List<NotificationOutbox.Row> rowsOfCase(String caseNumber, String recipient) {
        return outbox.forCase(caseNumber).stream().filter(row -> row.recipient().equals(recipient)).toList();
    }

    private NotificationOutbox.Row onlyRow(String caseNumber) {
        List<NotificationOutbox.Row> rows = outbox.forCase(caseNumber);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    /** The messages received about the case (its number in the subject), to the address (null: anyone). */
    private static List<MimeMessage> mailTo(String address, String caseNumber) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subject(m).contains(caseNumber))
                .filter(m -> address == null || recipients(m).contains(address))
                .toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message) throws IOException, MessagingException {
        return (String) message.getContent();
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
