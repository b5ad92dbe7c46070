package kz.elections.violations.evidence;

import static kz.elections.violations.evidence.EvidenceRequests.jpeg;
import static kz.elections.violations.evidence.EvidenceRequests.pdf;
import static kz.elections.violations.evidence.EvidenceRequests.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import kz.elections.violations.evidence.EvidenceRequests.Answer;
import kz.elections.violations.evidence.EvidenceRequests.Part;
import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.TasklistSession;
import kz.elections.violations.support.TestIins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Evidence on a case over HTTP, as the case's prosecutor, its district commission, the CEC, an auditor, an
 * administrator and another district's commission use it: upload, list, download with the recorded SHA-256,
 * the refusals (who, which content, which size, how many), corrections, the timeline's chain of custody,
 * the case page's session upload from its own origin only, and no route that changes or removes a file.
 * The limits are small here so that a test reaches each of them: a file of 8 KiB at most (evidence), three
 * files and 20 KiB per case.
 */
class CaseEvidenceTest extends CaseTestSupport {

    static final int MAX_FILE = 8 * 1024;

    @DynamicPropertySource
    static void smallLimits(DynamicPropertyRegistry registry) {
        registry.add("evidence.max-file-size", () -> MAX_FILE + "B");
        registry.add("evidence.max-files-per-case", () -> 3);
        registry.add("evidence.max-bytes-per-case", () -> "20KB");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    HttpApi http;
    EvidenceRequests evidence;
    String caseNumber;

    @BeforeEach
    void aCandidatesCaseOfDistrictOne() {
        http = new HttpApi(port);
        evidence = new EvidenceRequests(port);
        caseNumber = newCase();
    }

    private String newCase() {
        HttpApi.Answer election = http.post("demo", "/api/elections", Map.of("name", "Evidence test " + System.nanoTime(),
                "level", "MAZHILIS", "votingDay", "2023-03-19", "timeZone", "Asia/Almaty"));
        setClock("2023-03-01T10:00", "Asia/Almaty");
        HttpApi.Answer created = http.post("prosecutor", "/api/cases", Map.of("electionId",
                election.body().get("id").asText(), "region", "Almaty", "committedOn", "2023-02-27",
                "place", "Polling station 12", "offender", Map.of("kind", "CANDIDATE", "name", "A. Candidate",
                        "iin", TestIins.next(), "districtCommission", "1"),
                "article", "102", "source", "MONITORING", "description", "Leaflets in the polling station"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("caseNumber").asText();
    }

    private String path(String number) {
        return "/api/cases/" + number + "/evidence";
    }

    private int storedFiles() {
        Integer count = jdbc.queryForObject("select count(*) from case_evidence", Integer.class);
        return count == null ? 0 : count;
    }

    @Test
    void theProsecutorAddsAFileAndEveryoneWhoReadsTheCaseDownloadsTheSameBytes() {
        byte[] photo = jpeg(6_000, 1);
        setClock("2023-03-02T09:15", "Asia/Almaty");
        Answer added = evidence.upload("prosecutor", caseNumber,
                Part.file("  участок\u202E12 фото.JPG  ", "text/html", photo),
                Part.field("note", "Листовки на столе комиссии / leaflets on the commission's table"));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        JsonNode file = added.json();
        long id = file.get("id").asLong();
        assertThat(added.header("Location")).isEqualTo(path(caseNumber) + "/" + id);
        // the name as given, trimmed, without the right-to-left override; the type from the content
        assertThat(file.get("fileName").asText()).isEqualTo("участок12 фото.JPG");
        assertThat(file.get("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(file.get("size").asLong()).isEqualTo(6_000);
        assertThat(file.get("sha256").asText()).isEqualTo(sha256(photo));
        assertThat(file.get("addedBy").asText()).isEqualTo("prosecutor");
        assertThat(file.get("addedAt").asText()).isEqualTo("2023-03-02T03:15:00Z");
        assertThat(file.get("note").asText()).startsWith("Листовки");
        assertThat(file.has("correctsId")).isFalse();

        for (String user : List.of("prosecutor", "auditor", "commission1", "cec", "demo")) {
            Answer download = evidence.get(user, path(caseNumber) + "/" + id);
            assertThat(download.status()).as(user).isEqualTo(200);
            assertThat(sha256(download.bytes())).as(user).isEqualTo(file.get("sha256").asText());
            assertThat(download.header("X-Content-SHA256")).as(user).isEqualTo(sha256(photo));
            assertThat(download.header("Content-Type")).as(user).isEqualTo("image/jpeg");
            assertThat(download.header("Content-Length")).as(user).isEqualTo("6000");
            assertThat(download.header("X-Content-Type-Options")).as(user).isEqualTo("nosniff");
            assertThat(download.header("Content-Security-Policy")).as(user).startsWith("sandbox");
            assertThat(download.header("Cache-Control")).as(user).contains("no-store");
            String disposition = download.header("Content-Disposition");
            assertThat(disposition).as(user).startsWith("attachment;").contains("filename*=UTF-8''");
            Matcher encoded = Pattern.compile("filename\\*=UTF-8''(\\S+)").matcher(disposition);
            assertThat(encoded.find()).isTrue();
            assertThat(encoded.group(1)).doesNotContain("\"", ";", " ");
            assertThat(URLDecoder.decode(encoded.group(1), StandardCharsets.UTF_8)).isEqualTo("участок12 фото.JPG");
        }

        Answer listed = evidence.get("commission1", path(caseNumber));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()).hasSize(1);
        assertThat(listed.json().get(0).get("sha256").asText()).isEqualTo(sha256(photo));
        assertThat(listed.header("Allow")).isEqualTo("GET");
        assertThat(evidence.get("prosecutor", path(caseNumber)).header("Allow")).isEqualTo("GET, POST");
    }

    @Test
    void aDownloadIsSavedUnderTheExtensionOfItsContent() {
        Answer added = evidence.upload("prosecutor", caseNumber, Part.file("protocol.html", "text/html", pdf("protocol")));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        assertThat(added.json().get("fileName").asText()).isEqualTo("protocol.html");
        assertThat(added.json().get("contentType").asText()).isEqualTo("application/pdf");
        Answer download = evidence.get("prosecutor", path(caseNumber) + "/" + added.json().get("id").asLong());
        assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(download.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"protocol.html.pdf\"; filename*=UTF-8''protocol.html.pdf");
    }

    @Test
    void theListIsOldestFirstAndACorrectionNamesTheFileItCorrects() {
        setClock("2023-03-02T09:00", "Asia/Almaty");
        long first = evidence.upload("prosecutor", caseNumber, Part.file("scan.pdf", "application/pdf",
                pdf("first scan"))).json().get("id").asLong();
        setClock("2023-03-02T10:00", "Asia/Almaty");
        Answer withoutNote = evidence.upload("prosecutor", caseNumber,
                Part.file("scan.pdf", "application/pdf", pdf("second scan")), Part.field("corrects", "" + first));
        assertRefused(withoutNote, "note");
        Answer correction = evidence.upload("prosecutor", caseNumber,
                Part.file("scan-2.pdf", "application/pdf", pdf("second scan")), Part.field("corrects", "" + first),
                Part.field("note", "The first scan missed page 2"));
        assertThat(correction.status()).as(correction.text()).isEqualTo(201);
        assertThat(correction.json().get("correctsId").asLong()).isEqualTo(first);
        assertThat(correction.json().get("note").asText()).isEqualTo("The first scan missed page 2");

        JsonNode listed = evidence.get("auditor", path(caseNumber)).json();
        assertThat(EvidenceRequests.texts(listed, "fileName")).containsExactly("scan.pdf", "scan-2.pdf");
        // the first file is still there, unchanged
        Answer original = evidence.get("auditor", path(caseNumber) + "/" + first);
        assertThat(original.bytes()).isEqualTo(pdf("first scan"));

        String otherCase = newCase();
        long elsewhere = evidence.upload("prosecutor", otherCase, Part.file("x.pdf", null, pdf("other")))
                .json().get("id").asLong();
        for (String corrects : List.of("" + elsewhere, "abc", "-1", "99999999999")) {
            assertRefused(evidence.upload("prosecutor", caseNumber, Part.file("y.pdf", null, pdf("y")),
                    Part.field("corrects", corrects), Part.field("note", "n")), "corrects");
        }
        assertThat(evidence.get("auditor", path(caseNumber)).json()).hasSize(2);
    }

    @Test
    void whoMayNotReadTheCaseGets404AndWhoReadsButIsNoProsecutor403() {
        long id = evidence.upload("prosecutor", caseNumber, Part.file("a.jpg", "image/jpeg", jpeg(500, 2)))
                .json().get("id").asLong();
        String otherCase = newCase();
        long otherId = evidence.upload("prosecutor", otherCase, Part.file("b.jpg", "image/jpeg", jpeg(500, 3)))
                .json().get("id").asLong();
        int stored = storedFiles();

        // another district's commission: the case and its evidence do not exist for it
        assertThat(evidence.get("commission2", path(caseNumber)).status()).isEqualTo(404);
        assertThat(evidence.get("commission2", path(caseNumber) + "/" + id).status()).isEqualTo(404);
        assertThat(evidence.upload("commission2", caseNumber, Part.file("c.jpg", null, jpeg(500, 4))).status())
                .isEqualTo(404);
        // an id of another case's file, an unknown id, an unknown case
        assertThat(evidence.get("prosecutor", path(caseNumber) + "/" + otherId).status()).isEqualTo(404);
        assertThat(evidence.get("prosecutor", path(caseNumber) + "/999999999").status()).isEqualTo(404);
        assertThat(evidence.get("prosecutor", path(caseNumber) + "/not-an-id").status()).isEqualTo(404);
        assertThat(evidence.get("prosecutor", path("2099-999999")).status()).isEqualTo(404);
        assertThat(evidence.upload("prosecutor", "2099-999999", Part.file("d.jpg", null, jpeg(500, 5))).status())
                .isEqualTo(404);

        // they read the case, they add nothing
        for (String user : List.of("cec", "auditor", "commission1", "demo")) {
            Answer refused = evidence.upload(user, caseNumber, Part.file("e.jpg", "image/jpeg", jpeg(500, 6)));
            assertThat(refused.status()).as(user + " " + refused.text()).isEqualTo(403);
        }
        assertThat(evidence.upload(null, caseNumber, Part.file("f.jpg", null, jpeg(500, 7))).status()).isEqualTo(401);
        assertThat(storedFiles()).isEqualTo(stored);
    }

    @Test
    void theTypeIsToldByTheContentAndAnythingElseIsRefused() {
        int stored = storedFiles();
        Map<String, byte[]> disguised = Map.of(
                "page.jpg", "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"
                        .getBytes(StandardCharsets.UTF_8),
                "drawing.jpg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                        .getBytes(StandardCharsets.UTF_8),
                "run.jpg", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8),
                "archive.pdf", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0},
                "tiny.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8});
        disguised.forEach((name, content) -> assertRefused(evidence.upload("prosecutor", caseNumber,
                Part.file(name, "image/jpeg", content)), "file"));
        assertRefused(evidence.upload("prosecutor", caseNumber, Part.file("empty.jpg", "image/jpeg", new byte[0])),
                "file");
        // no file part at all, a JSON body, a note of control characters or too long
        assertRefused(evidence.upload("prosecutor", caseNumber, Part.field("note", "only a note")), "file");
        Answer json = evidence.send("prosecutor", "POST", path(caseNumber), "application/json",
                "{\"file\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertRefused(json, "file");
        assertRefused(evidence.upload("prosecutor", caseNumber, Part.file("g.jpg", null, jpeg(100, 8)),
                Part.field("note", "bell\u0007")), "note");
        assertRefused(evidence.upload("prosecutor", caseNumber, Part.file("g.jpg", null, jpeg(100, 8)),
                Part.field("note", "x".repeat(CaseEvidenceService.NOTE_LENGTH + 1))), "note");
        assertThat(storedFiles()).isEqualTo(stored);
    }

    @Test
    void aFileOverALimitIsRefusedNamingItAndNothingIsKept() throws IOException {
        int stored = storedFiles();
        // over evidence.max-file-size: 400 naming the file and the setting
        Answer overEvidence = evidence.upload("prosecutor", caseNumber,
                Part.file("big.jpg", "image/jpeg", jpeg(MAX_FILE + 1, 9)));
        assertRefused(overEvidence, "file");
        assertThat(overEvidence.text()).contains("evidence.max-file-size", "" + MAX_FILE);
        // over the request body limit (the evidence limit and 64 KiB): 413 before anything is read
        Answer overBody = evidence.upload("prosecutor", caseNumber,
                Part.file("huge.jpg", "image/jpeg", jpeg(MAX_FILE + 64 * 1024 + 1, 11)));
        assertThat(overBody.status()).as(overBody.text()).isEqualTo(413);
        assertThat(overBody.header("Content-Type")).startsWith("application/problem+json");
        assertThat(overBody.text()).contains("at most " + (MAX_FILE + 64 * 1024) + " bytes");
        // a JSON body keeps the JSON limit on the same route
        Answer overJson = evidence.send("prosecutor", "POST", path(caseNumber), "application/json",
                ("\"" + "x".repeat(70_000) + "\"").getBytes(StandardCharsets.UTF_8));
        assertThat(overJson.status()).isEqualTo(413);
        assertThat(storedFiles()).isEqualTo(stored);
        assertThat(evidence.get("prosecutor", path(caseNumber)).json()).isEmpty();
    }

    @Test
    void aCaseKeepsAtMostItsFilesAndBytes() {
        for (int i = 0; i < 3; i++) {
            assertThat(evidence.upload("prosecutor", caseNumber, Part.file(i + ".jpg", null, jpeg(100, 20 + i)))
                    .status()).isEqualTo(201);
        }
        Answer fourth = evidence.upload("prosecutor", caseNumber, Part.file("3.jpg", null, jpeg(100, 23)));
        assertRefused(fourth, "file");
        assertThat(fourth.text()).contains("evidence.max-files-per-case");
        assertThat(evidence.get("prosecutor", path(caseNumber)).json()).hasSize(3);

        String bytesCase = newCase();
        assertThat(evidence.upload("prosecutor", bytesCase, Part.file("a.jpg", null, jpeg(MAX_FILE, 30))).status())
                .isEqualTo(201);
        assertThat(evidence.upload("prosecutor", bytesCase, Part.file("b.jpg", null, jpeg(MAX_FILE, 31))).status())
                .isEqualTo(201);
        Answer third = evidence.upload("prosecutor", bytesCase, Part.file("c.jpg", null, jpeg(MAX_FILE, 32)));
        assertRefused(third, "file");
        assertThat(third.text()).contains("evidence.max-bytes-per-case");
        // up to the limit exactly
        assertThat(evidence.upload("prosecutor", bytesCase, Part.file("d.jpg", null, jpeg(20 * 1024 - 2 * MAX_FILE, 33)))
                .status()).isEqualTo(201);
    }

    @Test
    void twoFilesSentAtOnceForTheLastPlaceGetItOnce() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThat(evidence.upload("prosecutor", caseNumber, Part.file(i + ".jpg", null, jpeg(100, 40 + i)))
                    .status()).isEqualTo(201);
        }
        CyclicBarrier together = new CyclicBarrier(4);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                long seed = 50 + i;
                answers.add(clients.submit(() -> {
                    together.await();
                    return evidence.upload("prosecutor", caseNumber, Part.file("race.jpg", null, jpeg(100, seed)))
                            .status();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(201, 400).filteredOn(status -> status == 201).hasSize(1);
        } finally {
            clients.shutdownNow();
        }
        assertThat(evidence.get("prosecutor", path(caseNumber)).json()).hasSize(3);
    }

    @Test
    void theTimelineShowsEachFilesChainOfCustody() {
        setClock("2023-03-03T11:30", "Asia/Almaty");
        byte[] photo = jpeg(3_000, 60);
        JsonNode added = evidence.upload("prosecutor", caseNumber, Part.file("ballot box.jpg", null, photo),
                Part.field("note", "From the observer")).json();
        setClock("2023-03-03T12:00", "Asia/Almaty");
        JsonNode correction = evidence.upload("prosecutor", caseNumber, Part.file("ballot box 2.jpg", null,
                jpeg(2_000, 61)), Part.field("corrects", added.get("id").asText()),
                Part.field("note", "Sharper photo")).json();

        for (String user : List.of("auditor", "prosecutor", "commission1")) {
            JsonNode timeline = http.get(user, "/api/cases/" + caseNumber + "/history").body();
            List<JsonNode> entries = new ArrayList<>();
            timeline.get("entries").forEach(entry -> {
                if (entry.get("kind").asText().equals("EVIDENCE_ADDED")) {
                    entries.add(entry);
                }
            });
            assertThat(entries).as(user).hasSize(2);
            JsonNode first = entries.get(0);
            assertThat(first.get("at").asText()).isEqualTo("2023-03-03T05:30:00Z");
            assertThat(first.get("user").asText()).isEqualTo("prosecutor");
            assertThat(first.at("/evidence/fileName").asText()).isEqualTo("ballot box.jpg");
            assertThat(first.at("/evidence/contentType").asText()).isEqualTo("image/jpeg");
            assertThat(first.at("/evidence/size").asLong()).isEqualTo(3_000);
            assertThat(first.at("/evidence/sha256").asText()).isEqualTo(sha256(photo));
            assertThat(first.at("/evidence/note").asText()).isEqualTo("From the observer");
            JsonNode second = entries.get(1);
            assertThat(second.at("/evidence/id").asLong()).isEqualTo(correction.get("id").asLong());
            assertThat(second.at("/evidence/correctsId").asLong()).isEqualTo(added.get("id").asLong());
        }
    }

    @Test
    void noRouteChangesOrRemovesAFile() throws IOException {
        long id = evidence.upload("prosecutor", caseNumber, Part.file("a.jpg", null, jpeg(500, 70))).json()
                .get("id").asLong();
        EvidenceRequests.Body replacement = EvidenceRequests.multipart(Part.file("b.jpg", null, jpeg(500, 71)));
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            for (String target : List.of(path(caseNumber), path(caseNumber) + "/" + id)) {
                Answer answer = evidence.send("prosecutor", method, target, replacement.contentType(),
                        replacement.bytes());
                assertThat(answer.status()).as(method + " " + target).isEqualTo(405);
            }
        }
        assertThat(evidence.get("prosecutor", path(caseNumber) + "/" + id).bytes()).isEqualTo(jpeg(500, 70));
        // and no statement of the application updates or deletes a row of case_evidence
        Pattern change = Pattern.compile("(?i)(update\\s+case_evidence|delete\\s+from\\s+case_evidence"
                + "|truncate\\s+(table\\s+)?case_evidence)");
        try (Stream<Path> sources = Files.walk(Path.of("src", "main"))) {
            for (Path source : sources.filter(Files::isRegularFile).toList()) {
                assertThat(change.matcher(Files.readString(source, StandardCharsets.ISO_8859_1)).find())
                        .as(source.toString()).isFalse();
            }
        }
    }

    @Test
    void theCasePageAttachesByTheWebappsSessionOnlyFromItsOwnOrigin() {
        TasklistSession session = new TasklistSession(port, "prosecutor");
        EvidenceRequests.Body body = EvidenceRequests.multipart(Part.file("page.jpg", "image/jpeg", jpeg(700, 80)),
                Part.field("note", "attached on the case page"));
        String own = "http://localhost:" + port;
        Map<String, Map<String, String>> refused = Map.of(
                "no origin", Map.of("X-Requested-With", "XMLHttpRequest"),
                "another site", Map.of("X-Requested-With", "XMLHttpRequest", "Origin", "https://elsewhere.example"),
                "not a script", Map.of("Origin", own),
                "a cross-site fetch", Map.of("X-Requested-With", "XMLHttpRequest", "Origin", own,
                        "Sec-Fetch-Site", "cross-site"));
        refused.forEach((what, headers) -> assertThat(session.send("POST", path(caseNumber), body.contentType(),
                body.bytes(), headers).statusCode()).as(what).isEqualTo(401));
        assertThat(evidence.get("prosecutor", path(caseNumber)).json()).isEmpty();

        HttpResponse<String> attached = session.send("POST", path(caseNumber), body.contentType(), body.bytes(),
                Map.of("X-Requested-With", "XMLHttpRequest", "Origin", own, "Sec-Fetch-Site", "same-origin"));
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        assertThat(attached.body()).contains("\"addedBy\":\"prosecutor\"");
        // the session still changes nothing else
        assertThat(session.send("POST", "/api/cases", "application/json", "{}".getBytes(StandardCharsets.UTF_8),
                Map.of("X-Requested-With", "XMLHttpRequest", "Origin", own)).statusCode()).isEqualTo(401);
        // an auditor's session reads and adds nothing
        TasklistSession auditor = new TasklistSession(port, "auditor");
        assertThat(auditor.send("POST", path(caseNumber), body.contentType(), body.bytes(),
                Map.of("X-Requested-With", "XMLHttpRequest", "Origin", own)).statusCode()).isEqualTo(403);
        assertThat(auditor.send("GET", path(caseNumber), null, null, Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void theCasePageReadsARefusalInItsLanguage() {
        TasklistSession session = new TasklistSession(port, "prosecutor");
        String own = "http://localhost:" + port;
        EvidenceRequests.Body page = EvidenceRequests.multipart(Part.file("page.jpg", "image/jpeg",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)));
        // the page sends its language (case.js): Kazakh, then Russian for a request without a file
        HttpResponse<String> kazakh = session.send("POST", path(caseNumber), page.contentType(), page.bytes(),
                Map.of("X-Requested-With", "XMLHttpRequest", "Origin", own, "Accept-Language", "kk"));
        assertThat(kazakh.statusCode()).as(kazakh.body()).isEqualTo(400);
        assertThat(kazakh.body()).contains("\"field\":\"file\"", "мазмұны бойынша фото (JPEG, PNG, GIF, WebP, HEIC)",
                "Сұрау қабылданбады. Файл:");
        EvidenceRequests.Body noFile = EvidenceRequests.multipart(Part.field("note", "only a note"));
        HttpResponse<String> russian = session.send("POST", path(caseNumber), noFile.contentType(), noFile.bytes(),
                Map.of("X-Requested-With", "XMLHttpRequest", "Origin", own, "Accept-Language", "ru-RU,ru;q=0.9"));
        assertThat(russian.statusCode()).as(russian.body()).isEqualTo(400);
        assertThat(russian.body()).contains("\"field\":\"file\"", "обязателен: выберите файл");
        // an API client naming no language reads the rule as the API reference words it
        assertThat(evidence.upload("prosecutor", caseNumber, Part.field("note", "only a note")).text())
                .contains("is required: a multipart/form-data part named file");
        assertThat(evidence.get("prosecutor", path(caseNumber)).json()).isEmpty();
    }

    private static void assertRefused(Answer answer, String field) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(EvidenceRequests.texts(answer.json().get("errors"), "field")).as(answer.text()).contains(field);
    }
}
