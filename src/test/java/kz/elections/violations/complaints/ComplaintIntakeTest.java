package kz.elections.violations.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import kz.elections.violations.support.ComplaintClient.Reply;
import kz.elections.violations.support.ComplaintClient.Upload;
import kz.elections.violations.support.ComplaintTestSupport;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code POST /api/complaints} and the complaint's status over HTTP, as the public page, a partner and the
 * staff call them: channels, partner keys, idempotent retries, the rate limits, the files' limits and types,
 * the rules, nothing personal in any public answer, and who reads which complaint.
 */
class ComplaintIntakeTest extends ComplaintTestSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    ComplaintFiles complaintFiles;

    private long stored() {
        Long count = jdbc.queryForObject("select count(*) from complaint", Long.class);
        return count == null ? 0 : count;
    }

    private Reply submit(Map<String, Object> complaint, Map<String, String> headers) {
        return complaints.submit(complaint, headers);
    }

    private Task triageTask(String trackingNumber) {
        return taskService.createTaskQuery().processDefinitionKey("ComplaintTriage")
                .processInstanceBusinessKey(trackingNumber).singleResult();
    }

    @Test
    void aPublicComplaintIsReceivedTriagedByItsRegionAndItsStatusShowsNothingPersonal() {
        Map<String, Object> sent = complaint(election, "Алматы", YESTERDAY);
        Reply received = submit(sent, newClient());

        assertThat(received.status()).as(received.text()).isEqualTo(201);
        String trackingNumber = received.body().get("trackingNumber").asText();
        assertThat(trackingNumber).matches("C-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}");
        assertThat(received.body().get("status").asText()).isEqualTo("RECEIVED");
        assertThat(received.body().get("anonymous").asBoolean()).isFalse();
        assertThat(received.body().get("considered").asBoolean()).isTrue();
        assertThat(received.header("Location")).isEqualTo("/api/complaints/" + trackingNumber);
        // the campaign's term: five calendar days (ComplaintAnswerTerm)
        Instant due = NOW.plus(Duration.ofDays(5));
        assertThat(Instant.parse(received.body().get("answerDueAt").asText())).isEqualTo(due);
        assertThat(received.body().get("notice").asText()).contains(trackingNumber, "06.04.2026 10:00");
        assertNothingPersonal(received.text());

        Reply status = complaints.get(null, "/api/complaints/" + trackingNumber, Map.of("Accept-Language", "en"));
        assertThat(status.status()).isEqualTo(200);
        assertThat(names(status.body())).containsExactlyInAnyOrder("trackingNumber", "status", "receivedAt", "answer",
                "answerDueAt");
        assertThat(status.body().get("status").asText()).isEqualTo("RECEIVED");
        assertThat(status.body().get("answer").isNull()).isTrue();
        assertThat(Instant.parse(status.body().get("receivedAt").asText())).isEqualTo(NOW);
        assertNothingPersonal(status.text());
        // the tracking number as typed in lower case finds the complaint; one never issued finds none
        assertThat(complaints.get(null, "/api/complaints/" + trackingNumber.toLowerCase(), Map.of()).status())
                .isEqualTo(200);
        assertThat(complaints.get(null, "/api/complaints/C-2222222222", Map.of()).status()).isEqualTo(404);

        Reply full = complaints.get("prosecutor", "/api/complaints/" + trackingNumber, Map.of());
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.body().get("channel").asText()).isEqualTo("PUBLIC");
        assertThat(full.body().get("region").asText()).isEqualTo("almaty");
        assertThat(full.body().at("/contact/email").asText()).isEqualTo("aigerim@example.kz");
        assertThat(full.body().at("/offender/name").asText()).isEqualTo("Complained Candidate");
        assertThat(full.body().get("description").asText()).isEqualTo(sent.get("description"));

        Task task = triageTask(trackingNumber);
        assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_TriageComplaint");
        assertThat(task.getDueDate().toInstant()).isEqualTo(due);
        assertThat(full.body().get("triageTaskId").asText()).isEqualTo(task.getId());
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .containsExactlyInAnyOrder("prosecutors", "prosecutors-almaty");
        // the triage holds no contact details: auditors read its variables in Cockpit
        assertThat(runtimeService.getVariables(task.getProcessInstanceId()).values())
                .noneMatch(value -> String.valueOf(value).contains("aigerim") || String.valueOf(value).contains("555"));
    }

    @Test
    void aComplaintWithItsFilesAsThePublicPageSendsItAndEachFileOnlyAsADownload() throws Exception {
        byte[] photo = jpeg(20_000);
        byte[] pdf = ("%PDF-1.7\n" + "x".repeat(500)).getBytes();
        Reply received = complaints.submitWithFiles(complaint(election, "almaty", YESTERDAY), List.of(
                new Upload("../../IMG_0001.JPG", photo, "image/jpeg"), new Upload("протокол.pdf", pdf, "application/pdf")),
                newClient());
        assertThat(received.status()).as(received.text()).isEqualTo(201);
        String trackingNumber = received.body().get("trackingNumber").asText();

        JsonNode files = complaints.get("prosecutor", "/api/complaints/" + trackingNumber, Map.of()).body().get("files");
        assertThat(files).hasSize(2);
        assertThat(files.get(0).get("fileName").asText()).isEqualTo("IMG_0001.jpg");
        assertThat(files.get(0).get("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(files.get(0).get("size").asLong()).isEqualTo(photo.length);
        assertThat(files.get(0).get("sha256").asText()).isEqualTo(sha256(photo));
        assertThat(files.get(1).get("fileName").asText()).isEqualTo("протокол.pdf");
        assertThat(files.get(1).get("contentType").asText()).isEqualTo("application/pdf");

        Reply download = complaints.get("prosecutor", "/api/complaints/" + trackingNumber + "/files/"
                + files.get(0).get("id").asLong(), Map.of());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.bytes()).isEqualTo(photo);
        assertThat(sha256(download.bytes())).isEqualTo(files.get(0).get("sha256").asText());
        assertThat(download.header("Content-Disposition")).startsWith("attachment;").contains("IMG_0001.jpg");
        assertThat(download.response().headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(download.response().headers().allValues("Content-Security-Policy"))
                .containsExactly("sandbox; default-src 'none'");
        assertThat(download.header("Cache-Control")).isEqualTo("no-store");
        assertThat(download.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(complaints.get("prosecutor", "/api/complaints/" + trackingNumber + "/files/"
                + files.get(1).get("id").asLong(), Map.of()).header("Content-Disposition"))
                .startsWith("attachment;").contains("filename*=UTF-8''");
        // the files are the staff's: not the public's, not a commission's
        assertThat(complaints.get(null, "/api/complaints/" + trackingNumber + "/files/"
                + files.get(0).get("id").asLong(), Map.of()).status()).isEqualTo(401);
        assertThat(complaints.get("commission1", "/api/complaints/" + trackingNumber + "/files/"
                + files.get(0).get("id").asLong(), Map.of()).status()).isEqualTo(403);
        assertThat(complaints.get("prosecutor", "/api/complaints/" + trackingNumber + "/files/999999", Map.of())
                .status()).isEqualTo(404);
        // what the evidence on cases takes over
        assertThat(complaintFiles.ofComplaint(trackingNumber)).extracting(ComplaintFiles.StoredFile::sha256)
                .containsExactly(sha256(photo), sha256(pdf));
    }

    @Test
    void filesAreToldByTheirContentAndKeptWithinTheirLimits() {
        long before = stored();
        Map<String, Object> complaint = complaint(election, "almaty", YESTERDAY);

        Reply html = complaints.submitWithFiles(complaint, List.of(new Upload("photo.jpg",
                "<html><script>alert(1)</script></html>".getBytes(), "image/jpeg")), newClient());
        assertThat(html.status()).isEqualTo(400);
        assertThat(fields(html)).containsExactly("files[0]");
        assertThat(html.text()).contains("told by its content");

        Reply svg = complaints.submitWithFiles(complaint, List.of(new Upload("a.png", jpeg(100), "image/png"),
                new Upload("b.svg", "<svg onload=\"alert(1)\"/>".getBytes(), "image/svg+xml")), newClient());
        assertThat(fields(svg)).containsExactly("files[1]");

        Reply tooLarge = complaints.submitWithFiles(complaint, List.of(new Upload("big.jpg", jpeg(70_000), "image/jpeg")),
                newClient());
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(fields(tooLarge)).containsExactly("files[0]");
        assertThat(tooLarge.text()).contains("64 KB", "complaints.files.max-file-size");

        Reply tooMuch = complaints.submitWithFiles(complaint, List.of(new Upload("1.jpg", jpeg(60_000), "image/jpeg"),
                new Upload("2.jpg", jpeg(60_000), "image/jpeg")), newClient());
        assertThat(tooMuch.status()).isEqualTo(413);
        assertThat(fields(tooMuch)).containsExactly("files");
        assertThat(tooMuch.text()).contains("100 KB", "complaints.files.max-total-size");

        Reply tooMany = complaints.submitWithFiles(complaint, List.of(new Upload("1.jpg", jpeg(10), "image/jpeg"),
                new Upload("2.jpg", jpeg(10), "image/jpeg"), new Upload("3.jpg", jpeg(10), "image/jpeg"),
                new Upload("4.jpg", jpeg(10), "image/jpeg")), newClient());
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(fields(tooMany)).containsExactly("files");
        assertThat(tooMany.text()).contains("at most 3 files");

        // a body beyond the route's limit (the files' total and 1 MB) is refused before it is read
        Reply body = complaints.submitWithFiles(complaint, List.of(new Upload("huge.jpg", jpeg(1_200_000), "image/jpeg")),
                newClient());
        assertThat(body.status()).isEqualTo(413);
        assertThat(body.text()).contains("may be at most");

        for (Reply refused : List.of(html, svg, tooLarge, tooMuch, tooMany, body)) {
            assertNothingPersonal(refused.text());
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void eachBrokenRuleIsNamedAndNoAnswerRepeatsWhatWasSent() {
        long before = stored();
        Map<String, Object> complaint = complaint(election, "Atlantis", YESTERDAY.plusDays(3));
        complaint.put("electionId", "no-such-election");
        complaint.put("place", "");
        complaint.put("description", "a".repeat(4_001));
        complaint.put("offender", Map.of("name", "Complained Candidate", "kind", "WIZARD"));
        complaint.put("contact", Map.of("name", "Aigerim Complainant", "email", "aigerim-at-example.kz",
                "phone", "call me maybe"));
        Reply refused = submit(complaint, newClient());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactlyInAnyOrder("electionId", "region", "committedOn", "place",
                "description", "offender.kind", "contact.email", "contact.phone");
        assertThat(refused.text()).doesNotContain("aigerim", "call me", "Atlantis", "WIZARD", "Complainant");

        Map<String, Object> future = complaint(election, "almaty", LocalDate.parse("2026-04-02"));
        Reply tomorrow = submit(future, newClient());
        assertThat(fields(tomorrow)).containsExactly("committedOn");

        Reply notJson = complaints.send("POST", "/api/complaints", "{\"electionId\":".getBytes(), "application/json",
                null, newClient());
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void thePageAskingForKazakhOrRussianReadsTheRefusalsInItsLanguageWithTheSameFields() {
        long before = stored();
        Map<String, Object> complaint = complaint(election, "Atlantis", LocalDate.parse("2026-04-02"));
        complaint.put("place", "");
        complaint.put("description", "a".repeat(4_001));
        complaint.put("contact", Map.of("name", "Aigerim Complainant", "email", "aigerim-at-example.kz"));
        Map<String, String> kazakh = newClient();
        kazakh.put("Accept-Language", "kk-KZ,kk;q=0.9,ru;q=0.8");
        Reply refused = submit(complaint, kazakh);

        assertThat(refused.status()).isEqualTo(400);
        Map<String, String> messages = new HashMap<>();
        refused.body().get("errors").forEach(error -> messages.put(error.get("field").asText(),
                error.get("message").asText()));
        assertThat(messages).containsEntry("region", "мұндай өңір жоқ; облысты немесе республикалық маңызы бар "
                        + "қаланы тізімнен таңдаңыз")
                .containsEntry("committedOn", "болашақ күн болмауы керек (бүгін 01.04.2026)")
                .containsEntry("place", "толтыру міндетті")
                .containsEntry("contact.email", "name@example.kz түріндегі электрондық пошта мекенжайы болуы керек");
        assertThat(messages.get("description")).contains("таңбадан аспауы керек");
        assertThat(refused.body().get("detail").asText()).startsWith("Сұрау қабылданбады")
                .contains("Электрондық пошта: name@example.kz");
        assertThat(refused.text()).doesNotContain("aigerim", "Atlantis");

        Map<String, String> russian = newClient();
        russian.put("Accept-Language", "ru");
        Reply wrongFile = complaints.submitWithFiles(complaint(election, "almaty", YESTERDAY), List.of(new Upload(
                "photo.jpg", "<html></html>".getBytes(), "image/jpeg")), russian);
        assertThat(fields(wrongFile)).containsExactly("files[0]");
        assertThat(wrongFile.body().at("/errors/0/message").asText())
                .contains("тип файла определяется по содержимому, а не по имени");
        assertThat(wrongFile.body().get("detail").asText()).startsWith("Запрос отклонён").contains("Файлы 1:");

        // a client that asks for English, or for no language, reads the rules as before
        Map<String, String> english = newClient();
        english.put("Accept-Language", "en");
        Reply inEnglish = submit(complaint, english);
        assertThat(inEnglish.text()).contains("must be an e-mail address such as name@example.kz");
        assertThat(submit(complaint, newClient()).text()).contains("must be an e-mail address such as name@example.kz");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anAnonymousComplaintIsKeptAndItsTriageSaysTheLawDoesNotConsiderIt() {
        Map<String, Object> anonymous = complaint(election, "almaty", YESTERDAY);
        anonymous.remove("contact");
        Reply received = submit(anonymous, new HashMap<>(Map.of("X-Forwarded-For", newClient().get("X-Forwarded-For"),
                "Accept-Language", "kk-KZ,kk;q=0.9")));

        assertThat(received.status()).isEqualTo(201);
        assertThat(received.body().get("status").asText()).isEqualTo("RECEIVED");
        assertThat(received.body().get("anonymous").asBoolean()).isTrue();
        assertThat(received.body().get("considered").asBoolean()).isFalse();
        assertThat(received.body().get("notice").asText()).contains("анонимді шағым");
        String trackingNumber = received.body().get("trackingNumber").asText();
        Task task = triageTask(trackingNumber);
        assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "considered")).isEqualTo(false);
        assertThat((String) runtimeService.getVariable(task.getProcessInstanceId(), "reason")).contains("анонимді");

        // a name without any way to reach its author is anonymous too
        Map<String, Object> nameOnly = complaint(election, "almaty", YESTERDAY);
        nameOnly.put("contact", Map.of("name", "Someone"));
        assertThat(submit(nameOnly, newClient()).body().get("considered").asBoolean()).isFalse();
    }

    @Test
    void aPartnersKeyRecordsItsChannelAndARevokedOrWrongKeyIsRefused() throws Exception {
        Reply notAdmin = complaints.send("POST", "/api/admin/partners", json(Map.of("name", "Hotline", "channel",
                "HOTLINE")), "application/json", "prosecutor", Map.of());
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(complaints.get("auditor", "/api/admin/partners", Map.of()).status()).isEqualTo(403);
        Reply publicChannel = complaints.send("POST", "/api/admin/partners", json(Map.of("name", "Me", "channel",
                "PUBLIC")), "application/json", "demo", Map.of());
        assertThat(publicChannel.status()).isEqualTo(400);

        Reply issued = complaints.send("POST", "/api/admin/partners", json(Map.of("name", "CEC hotline " + System.nanoTime(),
                "channel", "HOTLINE")), "application/json", "demo", Map.of());
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        String key = issued.body().get("key").asText();
        long partnerId = issued.body().at("/partner/id").asLong();
        assertThat(key).startsWith("pk_").hasSizeGreaterThan(40);
        assertThat(issued.body().at("/partner/keyPrefix").asText()).isEqualTo(key.substring(0, 10));
        // only the key's hash is kept, and the list never shows the key
        assertThat(jdbc.queryForObject("select key_hash from partner where id = ?", String.class, partnerId))
                .isEqualTo(sha256(key.getBytes())).doesNotContain(key);
        Reply listed = complaints.get("demo", "/api/admin/partners", Map.of());
        assertThat(listed.text()).doesNotContain(key).contains("\"keyPrefix\":\"" + key.substring(0, 10) + "\"");

        Map<String, String> withKey = new HashMap<>(newClient());
        withKey.put("X-Partner-Key", key);
        Reply received = submit(complaint(election, "astana", YESTERDAY), withKey);
        assertThat(received.status()).as(received.text()).isEqualTo(201);
        JsonNode full = complaints.get("prosecutor", "/api/complaints/" + received.body().get("trackingNumber").asText(),
                Map.of()).body();
        assertThat(full.get("channel").asText()).isEqualTo("HOTLINE");
        assertThat(full.get("partnerId").asLong()).isEqualTo(partnerId);

        Reply revoked = complaints.send("DELETE", "/api/admin/partners/" + partnerId, null, null, "demo", Map.of());
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body().get("revokedAt").isNull()).isFalse();
        assertThat(revoked.body().get("revokedBy").asText()).isEqualTo("demo");
        assertThat(revoked.body().get("active").asBoolean()).isFalse();
        assertThat(complaints.send("DELETE", "/api/admin/partners/" + partnerId, null, null, "prosecutor", Map.of())
                .status()).isEqualTo(403);
        assertThat(complaints.send("DELETE", "/api/admin/partners/99999999", null, null, "demo", Map.of()).status())
                .isEqualTo(404);

        long before = stored();
        Reply withRevokedKey = submit(complaint(election, "astana", YESTERDAY), withKey);
        assertThat(withRevokedKey.status()).isEqualTo(401);
        Map<String, String> wrongKey = new HashMap<>(newClient());
        wrongKey.put("X-Partner-Key", "pk_" + "A".repeat(43));
        assertThat(submit(complaint(election, "astana", YESTERDAY), wrongKey).status()).isEqualTo(401);
        assertThat(stored()).isEqualTo(before);
        // the complaint it sent keeps its partner; the partner's row stays
        assertThat(complaints.get("demo", "/api/admin/partners", Map.of()).text()).contains("\"id\":" + partnerId);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameAnswerAndCreatesNothing() {
        Map<String, String> client = newClient();
        client.put("Idempotency-Key", "retry-" + System.nanoTime());
        Map<String, Object> complaint = complaint(election, "almaty", YESTERDAY);
        Reply first = submit(complaint, client);
        long afterFirst = stored();
        long triages = runtimeService.createProcessInstanceQuery().processDefinitionKey("ComplaintTriage").count();
        Reply retry = submit(complaint, client);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(stored()).isEqualTo(afterFirst);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("ComplaintTriage").count())
                .isEqualTo(triages);

        Map<String, Object> another = complaint(election, "almaty", YESTERDAY);
        another.put("description", "Another violation altogether.");
        Reply reused = submit(another, client);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(stored()).isEqualTo(afterFirst);

        // the key is the sender's: another client address with the same key sends a complaint of its own
        Map<String, String> otherClient = newClient();
        otherClient.put("Idempotency-Key", client.get("Idempotency-Key"));
        Reply other = submit(complaint, otherClient);
        assertThat(other.status()).isEqualTo(201);
        assertThat(other.body().get("trackingNumber").asText())
                .isNotEqualTo(first.body().get("trackingNumber").asText());

        Map<String, String> badKey = newClient();
        badKey.put("Idempotency-Key", "x".repeat(101));
        Reply refused = submit(complaint, badKey);
        assertThat(fields(refused)).containsExactly("Idempotency-Key");
    }

    @Test
    void tooManyComplaintsFromOneAddressAreRefusedWithRetryAfterUntilTheWindowHasRoom() {
        Map<String, String> client = newClient();
        Map<String, Object> complaint = complaint(election, "almaty", YESTERDAY);
        for (int i = 0; i < 3; i++) {
            assertThat(submit(complaint, client).status()).isEqualTo(201);
        }
        long before = stored();
        Reply refused = submit(complaint, client);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("60");
        assertThat(refused.body().get("retryAfterSeconds").asLong()).isEqualTo(60);
        assertThat(stored()).isEqualTo(before);
        // another address is not held back
        assertThat(submit(complaint, newClient()).status()).isEqualTo(201);

        setClock(NOW.plusSeconds(45));
        assertThat(submit(complaint, client).header("Retry-After")).isEqualTo("15");
        setClock(NOW.plusSeconds(61));
        assertThat(submit(complaint, client).status()).isEqualTo(201);
        setClock(NOW.plusSeconds(130));
        assertThat(submit(complaint, client).status()).isEqualTo(201);
        // five in a day: the sixth waits until the first is a day old
        Reply daily = submit(complaint, client);
        assertThat(daily.status()).isEqualTo(429);
        assertThat(Long.parseLong(daily.header("Retry-After"))).isEqualTo(Duration.ofDays(1).toSeconds() - 130);
    }

    @Test
    void aPartnerHasALimitOfItsOwn() {
        Reply issued = complaints.send("POST", "/api/admin/partners", json(Map.of("name", "Media monitor",
                "channel", "MEDIA_MONITORING")), "application/json", "demo", Map.of());
        Map<String, Object> complaint = complaint(election, "almaty", YESTERDAY);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // a partner sends from many addresses: its key is counted, not the address
            Map<String, String> headers = newClient();
            headers.put("X-Partner-Key", issued.body().get("key").asText());
            statuses.add(submit(complaint, headers).status());
        }
        assertThat(statuses).containsExactly(201, 201, 201, 201, 429);
    }

    @Test
    void eachReadsTheComplaintsOfTheirRegionAuditorsEveryOneWithoutContactsOthersNone() {
        String almaty = submit(complaint(election, "almaty", YESTERDAY), newClient()).body().get("trackingNumber")
                .asText();
        String astana = submit(complaint(election, "Astana", YESTERDAY), newClient()).body().get("trackingNumber")
                .asText();

        Reply regional = complaints.get(ALMATY_PROSECUTOR, "/api/complaints?electionId=" + election.id(), Map.of());
        assertThat(regional.status()).isEqualTo(200);
        assertThat(regional.body().get("items").findValuesAsText("trackingNumber")).contains(almaty)
                .doesNotContain(astana);
        assertThat(regional.body().get("items").findValuesAsText("region")).containsOnly("almaty");
        Reply asked = complaints.get(ALMATY_PROSECUTOR, "/api/complaints?region=astana", Map.of());
        assertThat(asked.body().get("total").asLong()).isZero();
        assertThat(complaints.get(ALMATY_PROSECUTOR, "/api/complaints/" + almaty, Map.of()).body().at("/contact/email")
                .asText()).isEqualTo("aigerim@example.kz");
        assertThat(complaints.get(ALMATY_PROSECUTOR, "/api/complaints/" + astana, Map.of()).status()).isEqualTo(404);
        assertThat(complaints.get(ALMATY_PROSECUTOR, "/api/complaints/" + astana + "/similar", Map.of()).status())
                .isEqualTo(404);
        JsonNode astanaFile = complaints.get("prosecutor", "/api/complaints/" + astana, Map.of()).body().get("files");
        assertThat(astanaFile).isEmpty();

        Reply national = complaints.get("prosecutor", "/api/complaints?electionId=" + election.id() + "&size=500",
                Map.of());
        assertThat(national.body().get("items").findValuesAsText("trackingNumber")).contains(almaty, astana);

        Reply auditor = complaints.get("auditor", "/api/complaints/" + astana, Map.of());
        assertThat(auditor.status()).isEqualTo(200);
        assertThat(auditor.body().get("contact").isNull()).isTrue();
        assertThat(auditor.body().get("contactGiven").asBoolean()).isTrue();
        assertThat(auditor.text()).doesNotContain("aigerim", "555");
        assertThat(complaints.get("auditor", "/api/complaints?electionId=" + election.id(), Map.of()).status())
                .isEqualTo(200);

        assertThat(complaints.get("commission1", "/api/complaints", Map.of()).status()).isEqualTo(403);
        assertThat(complaints.get("cec", "/api/complaints/" + almaty, Map.of()).status()).isEqualTo(403);
        assertThat(complaints.get(null, "/api/complaints", Map.of()).status()).isEqualTo(401);
        assertThat(complaints.get("prosecutor", "/api/complaints?status=MAYBE", Map.of()).status()).isEqualTo(400);
    }

    private static void assertNothingPersonal(String answer) {
        assertThat(answer).doesNotContain("aigerim", "Aigerim", "555", "Complained Candidate", "leaflets",
                "Polling station 117");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static byte[] json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
