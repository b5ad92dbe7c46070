package kz.elections.violations.bench;

import static kz.elections.violations.bench.BenchResults.format;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import kz.elections.violations.support.ComplaintClient;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.HttpApi.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Complaints at a steady rate ({@code POST /api/complaints}, 200 a second for a minute by default) into the
 * packaged application ({@code java -jar}, a JVM of its own) on a fresh H2 file and on an embedded
 * PostgreSQL, then a check that none was lost: every request answered 201, the database holds exactly one
 * complaint per request with distinct tracking numbers, each with its files and one ComplaintTriage with
 * its Task_TriageComplaint. Run {@code bench/run.sh -Dtest=ComplaintBenchmark} (or
 * {@code -Dtest='ComplaintBenchmark#onAnH2File'}); not part of {@code mvn verify}.
 * <p>
 * The schedule is open-loop: request i is due at {@code i / rate} seconds after the start, handed then to a
 * pool of client threads, whatever the answers before it; a request's latency is counted from the moment it
 * was due, so that a slow answer that holds a client thread back is counted for the requests behind it too.
 * The application keeps its production limits: the benchmark's requests come through a trusted proxy (the
 * loopback address, {@code security.trusted-proxies}) with X-Forwarded-For naming each complainant's address
 * (RFC 2544's benchmarking range 198.18.0.0/15), three complaints per address 20 s apart (the limit is 5 a
 * minute and 30 a day), and a quarter come from partners with keys issued for the run (150 a minute each;
 * the limit is 300). Every request carries its own Idempotency-Key; a third are multipart with one small
 * JPEG, a fifth anonymous, in Kazakh, Russian and English, spread over the regions.
 * <p>
 * Before the measured minute the application takes {@code bench.complaintWarmUp} complaints of another
 * election at half the rate, untimed, and catches up with them, so that the JIT has compiled the paths, as
 * on a node in service.
 * <p>
 * System properties (defaults in brackets): bench.complaintRate [200 a second], bench.complaintSeconds [60],
 * bench.complaintClients [100 client threads], bench.complaintWarmUp [2000], bench.complaintJpegBytes
 * [24576], bench.complaintStatusChecks [300: public status pages read after the run], bench.jfr [false: true
 * records a flight recording of the application in target/bench/scale/complaints-&lt;store&gt;.jfr].
 */
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComplaintBenchmark {

    static final int RATE = Integer.getInteger("bench.complaintRate", 200);
    static final int SECONDS = Integer.getInteger("bench.complaintSeconds", 60);
    static final int CLIENTS = Integer.getInteger("bench.complaintClients", 100);
    static final int WARM_UP = Integer.getInteger("bench.complaintWarmUp", 2000);
    static final int JPEG_BYTES = Integer.getInteger("bench.complaintJpegBytes", 24 * 1024);
    static final int STATUS_CHECKS = Integer.getInteger("bench.complaintStatusChecks", 300);
    /** Complaints per public address in the measured minute (the production limit: 5 a minute). */
    static final int PER_ADDRESS = 3;
    /** Complaints per partner key and minute (the production limit: 300). */
    static final int PER_PARTNER_AND_MINUTE = 150;
    static final String TRIAGE_TASK = "Task_TriageComplaint";
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    static final BenchResults RESULTS = new BenchResults();

    @AfterAll
    static void publish() {
        if (!RESULTS.isEmpty()) {
            RESULTS.publish();
        }
    }

    @Test
    @Order(1)
    void onAnH2File() {
        Store store = Store.h2("complaints");
        store.create();
        run(store);
    }

    @Test
    @Order(2)
    void onPostgres() throws IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Store store = Store.postgres(postgres, "complaints");
            store.create();
            run(store);
        }
    }

    /** What one complaint was and what it got. */
    static final class Sent {
        final int index;
        final boolean partner;
        final boolean withFile;
        String sha256;
        long dueNanos;
        long sentNanos;
        long answeredNanos;
        int status;
        String trackingNumber;
        String error;

        Sent(int index, boolean partner, boolean withFile) {
            this.index = index;
            this.partner = partner;
            this.withFile = withFile;
        }

        double millisFromDue() {
            return (answeredNanos - dueNanos) / 1e6;
        }
    }

    /**
     * Starts the application on the store, sends the warm-up and then the measured complaints, reports the
     * answers, waits until the application has caught up (reported), reads a sample of status pages, stops
     * the application and checks what the database holds.
     */
    static void run(Store store) {
        List<String> arguments = new ArrayList<>(store.arguments("complaints"));
        // behind a proxy, as in service: X-Forwarded-For from the loopback names the complainant's address
        arguments.add("--security.trusted-proxies=127.0.0.1");
        List<String> jvmOptions = Boolean.getBoolean("bench.jfr") ? List.of("-XX:FlightRecorderOptions:stackdepth=1024",
                "-XX:StartFlightRecording=filename=" + Store.H2_FOLDER.resolve("complaints-" + store.name() + ".jfr")
                        + ",settings=profile") : List.of();
        try (AppProcess app = AppProcess.start("complaints-" + store.name(), jvmOptions, arguments)) {
            HttpApi http = app.http();
            ComplaintClient client = new ComplaintClient(app.port());
            List<String> regions = new ArrayList<>();
            http.get(null, "/api/regions").body().forEach(region -> regions.add(region.get("code").asText()));
            int count = RATE * SECONDS;
            List<String> keys = partnerKeys(http, Math.max(3, (int) Math.ceil(count / 4.0 / SECONDS * 60
                    / PER_PARTNER_AND_MINUTE)));
            if (WARM_UP > 0) {
                Plan warmUp = new Plan(election(http, "Bench complaints warm-up"), regions, keys, "198.19.", WARM_UP);
                List<Sent> sent = send(client, warmUp, WARM_UP, RATE / 2.0);
                assertThat(sent).as("warm-up complaints accepted").allMatch(s -> s.status == 201);
                waitForTriageTasks(http, WARM_UP, Duration.ofMinutes(10));
            }
            Plan plan = new Plan(election(http, "Bench complaints"), regions, keys, "198.18.", count);
            long tasksBefore = triageTasks(http);
            String load = loadAverage();
            CpuUse before = CpuUse.now(app.pid());
            List<Sent> sent = send(client, plan, count, RATE);
            CpuUse sentAll = CpuUse.now(app.pid());
            reportAnswers(store.kind(), sent, load);
            long lastAnswered = sent.stream().mapToLong(s -> s.answeredNanos).max().orElseThrow();
            long caughtUp = waitForTriageTasks(http, tasksBefore + sent.stream().filter(s -> s.status == 201).count(),
                    Duration.ofMinutes(15));
            CpuUse.Interval sending = sentAll.since(before);
            CpuUse.Interval catchingUp = CpuUse.now(app.pid()).since(sentAll);
            RESULTS.add("  catch-up: last answer until every triage task exists",
                    format("%.1f s", Math.max(0, caughtUp - lastAnswered) / 1e9));
            RESULTS.add("  application CPU per complaint: while sending / catching up after",
                    format("%.1f ms / %.1f ms", sending.application() * 1000 / count,
                            catchingUp.application() * 1000 / count));
            RESULTS.note(format("%s, processor time per complaint while sending (%.0f s): %s", store.kind(),
                    sending.wallSeconds(), sending.perComplaint(count)));
            RESULTS.note(format("%s, processor time per complaint catching up after (%.0f s): %s", store.kind(),
                    catchingUp.wallSeconds(), catchingUp.perComplaint(count)));
            checkStatusPages(client, sent);
            app.close();
            checkDatabase(store.jdbc(), plan.electionId, sent);
            RESULTS.note(format("%s: %,d complaints (%,d with a JPEG of %,d bytes, %,d from partners) stored with "
                            + "distinct tracking numbers, each with its file's SHA-256, one triage and its %s, none "
                            + "twice, no incident", store.kind(), count, sent.stream().filter(s -> s.withFile).count(),
                    JPEG_BYTES, sent.stream().filter(s -> s.partner).count(), TRIAGE_TASK));
        }
    }

    /** Who sends complaint i of a plan and what it holds: the mix of channels, files, languages and regions. */
    static final class Plan {
        final String electionId;
        final List<String> regions;
        final List<String> partnerKeys;
        final String addressPrefix;
        final int addresses;

        Plan(String electionId, List<String> regions, List<String> partnerKeys, String addressPrefix, int count) {
            this.electionId = electionId;
            this.regions = regions;
            this.partnerKeys = partnerKeys;
            this.addressPrefix = addressPrefix;
            this.addresses = Math.max(1, (int) Math.ceil(publicOrdinal(count) / (double) PER_ADDRESS));
        }

        static boolean partner(int i) {
            return i % 4 == 3;
        }

        /** The number of public complaints before complaint i. */
        static int publicOrdinal(int i) {
            return i - i / 4;
        }

        Map<String, String> headers(int i) {
            Map<String, String> headers = new HashMap<>();
            headers.put("Idempotency-Key", "bench-" + UUID.randomUUID());
            headers.put("Accept-Language", List.of("kk-KZ", "ru-RU", "en-GB").get((i / 3) % 3));
            if (partner(i)) {
                headers.put("X-Partner-Key", partnerKeys.get((i / 4) % partnerKeys.size()));
            } else {
                // address a sends its complaints addresses apart: PER_ADDRESS of them spread over the run
                int a = publicOrdinal(i) % addresses;
                headers.put("X-Forwarded-For", addressPrefix + (a / 250) + "." + (1 + a % 250));
            }
            return headers;
        }

        Map<String, Object> complaint(int i) {
            Map<String, Object> complaint = new LinkedHashMap<>();
            complaint.put("electionId", electionId);
            complaint.put("region", regions.get((i * 7) % regions.size()));
            complaint.put("committedOn", LocalDate.now(ALMATY).minusDays(i % 3).toString());
            complaint.put("place", "Polling station " + (1 + i % 400) + ", School No. " + (1 + i % 90));
            complaint.put("description", "Bench complaint " + i + ": voters were driven to the polling station "
                    + "in buses and handed leaflets of one candidate at the entrance.");
            if (i % 2 == 0) {
                complaint.put("offender", Map.of("name", "Bench Candidate " + (i % 40), "kind", "CANDIDATE"));
            }
            if (i % 5 != 0) {
                complaint.put("contact", Map.of("name", "Bench Complainant " + i, "email", "complainant" + i
                        + "@example.kz", "phone", "+7 701 " + String.format("%07d", i % 10_000_000)));
            }
            return complaint;
        }
    }

    /**
     * Sends count complaints of the plan at the rate: complaint i due at i / rate seconds after the start,
     * handed to the client pool at that moment; waits for every answer.
     */
    static List<Sent> send(ComplaintClient client, Plan plan, int count, double rate) {
        List<Sent> sent = new ArrayList<>(count);
        byte[][] jpegs = new byte[count][];
        for (int i = 0; i < count; i++) {
            Sent one = new Sent(i, Plan.partner(i), i % 3 == 0);
            if (one.withFile) {
                jpegs[i] = jpeg(i);
                one.sha256 = sha256(jpegs[i]);
            }
            sent.add(one);
        }
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long period = Math.round(1e9 / rate);
        long start = System.nanoTime() + 200_000_000L;
        try {
            for (Sent one : sent) {
                one.dueNanos = start + one.index * period;
                long wait = one.dueNanos - System.nanoTime();
                while (wait > 0) {
                    LockSupport.parkNanos(wait);
                    wait = one.dueNanos - System.nanoTime();
                }
                Map<String, Object> complaint = plan.complaint(one.index);
                Map<String, String> headers = plan.headers(one.index);
                byte[] jpeg = jpegs[one.index];
                clients.execute(() -> {
                    one.sentNanos = System.nanoTime();
                    try {
                        ComplaintClient.Reply reply = jpeg == null ? client.submit(complaint, headers)
                                : client.submitWithFiles(complaint, List.of(new ComplaintClient.Upload(
                                        "photo-" + one.index + ".jpg", jpeg, "image/jpeg")), headers);
                        one.status = reply.status();
                        if (reply.status() == 201) {
                            one.trackingNumber = reply.body().get("trackingNumber").asText();
                        } else {
                            one.error = reply.text();
                        }
                    } catch (RuntimeException e) {
                        one.error = e.toString();
                    }
                    one.answeredNanos = System.nanoTime();
                });
            }
        } finally {
            clients.shutdown();
        }
        try {
            if (!clients.awaitTermination(10, TimeUnit.MINUTES)) {
                clients.shutdownNow();
                throw new IllegalStateException("complaints still unanswered 10 minutes after the last was sent");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return sent;
    }

    /** A small JPEG of its own for complaint i (the content's signature makes it one; the rest differs). */
    static byte[] jpeg(int i) {
        byte[] bytes = new byte[JPEG_BYTES];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        bytes[3] = (byte) 0xE0;
        for (int b = 4; b < bytes.length; b++) {
            bytes[b] = (byte) (b * 31 + i);
        }
        bytes[4] = (byte) i;
        bytes[5] = (byte) (i >> 8);
        bytes[6] = (byte) (i >> 16);
        bytes[bytes.length - 2] = (byte) 0xFF;
        bytes[bytes.length - 1] = (byte) 0xD9;
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keys for partners of the three partner channels, issued by the administrator. */
    static List<String> partnerKeys(HttpApi http, int count) {
        List<String> keys = new ArrayList<>();
        List<String> channels = List.of("HOTLINE", "MEDIA_MONITORING", "CEC_REFERRAL");
        for (int p = 0; p < count; p++) {
            Answer issued = http.post("demo", "/api/admin/partners", Map.of("name", "Bench partner " + p,
                    "channel", channels.get(p % channels.size())));
            assertThat(issued.status()).as(issued.text()).isEqualTo(201);
            keys.add(issued.body().get("key").asText());
        }
        return keys;
    }

    static String election(HttpApi http, String name) {
        Answer created = http.post("demo", "/api/elections", Map.of("name", name, "level", "MAZHILIS",
                "votingDay", LocalDate.now(ALMATY).plusDays(30).toString(), "timeZone", "Asia/Almaty"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    static long triageTasks(HttpApi http) {
        Answer count = http.get("demo", "/engine-rest/task/count?processDefinitionKey=ComplaintTriage"
                + "&taskDefinitionKey=" + TRIAGE_TASK);
        assertThat(count.status()).as(count.text()).isEqualTo(200);
        return count.body().get("count").asLong();
    }

    static long triageJobs(HttpApi http) {
        Answer count = http.get("demo", "/engine-rest/job/count?processDefinitionKey=ComplaintTriage");
        assertThat(count.status()).as(count.text()).isEqualTo(200);
        return count.body().get("count").asLong();
    }

    /**
     * Polls every 250 ms until no triage job is left, then checks that the triage tasks number
     * {@code expected}; answers when the jobs were done. The poll asks for one job, not for a count: a count
     * of thousands of waiting jobs takes the application a good part of a second of processor time on H2,
     * which the job executor it waits for would miss.
     */
    static long waitForTriageTasks(HttpApi http, long expected, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            Answer jobs = http.get("demo", "/engine-rest/job?processDefinitionKey=ComplaintTriage&maxResults=1");
            assertThat(jobs.status()).as(jobs.text()).isEqualTo(200);
            if (jobs.body().isEmpty()) {
                long done = System.nanoTime();
                assertThat(triageJobs(http)).as("triage jobs left").isZero();
                assertThat(triageTasks(http)).as("triage tasks").isEqualTo(expected);
                return done;
            }
            assertThat(System.nanoTime()).as("triage jobs left after " + atMost).isLessThan(deadline);
            sleep(250);
        }
    }

    /** A sample of the public status pages: each RECEIVED with its answer's due date (its triage task's). */
    static void checkStatusPages(ComplaintClient client, List<Sent> sent) {
        int step = Math.max(1, sent.size() / Math.max(1, STATUS_CHECKS));
        for (int i = 0; i < sent.size(); i += step) {
            Sent one = sent.get(i);
            if (one.trackingNumber == null) {
                continue;
            }
            ComplaintClient.Reply status = client.get(null, "/api/complaints/" + one.trackingNumber, Map.of());
            assertThat(status.status()).as(status.text()).isEqualTo(200);
            assertThat(status.body().get("status").asText()).isEqualTo("RECEIVED");
            assertThat(status.body().get("answerDueAt").isNull()).as("answer due on " + one.trackingNumber).isFalse();
        }
    }

    /**
     * What the database holds for the election once the application stopped: exactly one complaint per
     * request with the tracking number its 201 named, its file with the SHA-256 sent, its Idempotency-Key's
     * answer, and one triage (process instance and Task_TriageComplaint) each; no incident.
     */
    static void checkDatabase(JdbcTemplate jdbc, String electionId, List<Sent> sent) {
        assertThat(sent).as("answered 201").allMatch(s -> s.status == 201);
        Set<String> answered = new HashSet<>();
        sent.forEach(s -> answered.add(s.trackingNumber));
        assertThat(answered).as("distinct tracking numbers answered").hasSize(sent.size());

        List<String> stored = jdbc.queryForList("select tracking_number from complaint where election_id = ?",
                String.class, electionId);
        assertThat(stored).as("complaints stored").hasSize(sent.size());
        assertThat(new HashSet<>(stored)).as("the tracking numbers stored are those answered").isEqualTo(answered);
        assertThat(jdbc.queryForObject("select count(*) from complaint where election_id = ? and status = 'RECEIVED'"
                + " and process_instance_id is not null and answer_due_at is not null", Long.class, electionId))
                .as("complaints waiting for their triage, due date recorded").isEqualTo(sent.size());

        // joins, not "in (select ...)": the application's H2 settings evaluate such a subquery again for each row
        Map<String, Object> triages = jdbc.queryForMap("select count(*) as triages, count(distinct p.business_key_) as "
                + "complaints from act_hi_procinst p join complaint c on c.tracking_number = p.business_key_"
                + " where p.proc_def_key_ = 'ComplaintTriage' and c.election_id = ?", electionId);
        assertThat(((Number) triages.get("triages")).longValue()).as("triage processes").isEqualTo(sent.size());
        assertThat(((Number) triages.get("complaints")).longValue()).as("complaints with a triage").isEqualTo(sent.size());
        Map<String, Object> tasks = jdbc.queryForMap("select count(*) as tasks, count(distinct c.tracking_number) as "
                + "complaints from act_ru_task t join complaint c on c.process_instance_id = t.proc_inst_id_"
                + " where c.election_id = ? and t.task_def_key_ = ?", electionId, TRIAGE_TASK);
        assertThat(((Number) tasks.get("tasks")).longValue()).as("triage tasks").isEqualTo(sent.size());
        assertThat(((Number) tasks.get("complaints")).longValue()).as("complaints with a task").isEqualTo(sent.size());

        Map<String, String> fileHashes = new HashMap<>();
        jdbc.query("select c.tracking_number, f.sha256 from complaint_file f join complaint c on c.id = f.complaint_id"
                + " where c.election_id = ?", row -> {
                    assertThat(fileHashes.put(row.getString(1), row.getString(2))).as("one file per complaint").isNull();
                }, electionId);
        Map<String, String> sentHashes = new HashMap<>();
        sent.stream().filter(s -> s.withFile).forEach(s -> sentHashes.put(s.trackingNumber, s.sha256));
        assertThat(fileHashes).as("each file stored with the SHA-256 of what was sent").isEqualTo(sentHashes);

        assertThat(jdbc.queryForObject("select count(*) from complaint_idempotency i join complaint c"
                + " on c.tracking_number = i.tracking_number where c.election_id = ?", Long.class, electionId)).as("Idempotency-Keys remembered").isEqualTo(sent.size());
        Map<String, Long> channels = new TreeMap<>();
        jdbc.query("select channel, count(*) from complaint where election_id = ? group by channel",
                row -> {
                    channels.put(row.getString(1), row.getLong(2));
                }, electionId);
        long partners = sent.stream().filter(s -> s.partner).count();
        assertThat(channels.get("PUBLIC")).as("public complaints").isEqualTo(sent.size() - partners);
        assertThat(channels.values().stream().mapToLong(Long::longValue).sum() - channels.get("PUBLIC"))
                .as("partners' complaints").isEqualTo(partners);
        assertThat(jdbc.queryForObject("select count(*) from act_ru_incident", Long.class)).as("incidents").isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_ru_job j join complaint c on c.tracking_number = "
                + "j.handler_cfg_ where j.handler_type_ = 'complaint-triage-start' and c.election_id = ?", Long.class,
                electionId)).as("triage start jobs left").isZero();
    }

    /** The answers' figures: how many 201, the rates achieved, the latencies from the due moments, the refusals. */
    static void reportAnswers(String where, List<Sent> sent, String load) {
        int count = sent.size();
        long accepted = sent.stream().filter(s -> s.status == 201).count();
        long tooMany = sent.stream().filter(s -> s.status == 429).count();
        long otherStatus = sent.stream().filter(s -> s.status != 201 && s.status != 429 && s.status != 0).count();
        long failed = sent.stream().filter(s -> s.status == 0).count();
        double[] millis = sent.stream().mapToDouble(Sent::millisFromDue).sorted().toArray();
        long started = sent.get(0).dueNanos;
        double sendSeconds = (sent.stream().mapToLong(s -> s.sentNanos).max().orElseThrow() - started) / 1e9;
        double answerSeconds = (sent.stream().mapToLong(s -> s.answeredNanos).max().orElseThrow() - started) / 1e9;
        RESULTS.add(format("complaints at %d/s for %d s, %s: answered 201", RATE, SECONDS, where),
                format("%,d of %,d", accepted, count), "all", accepted == count);
        RESULTS.add("  sent at (first due to last sent) / accepted at (to the last answer)",
                format("%.1f/s / %.1f/s", (count - 1) / sendSeconds, accepted / answerSeconds));
        RESULTS.add("  POST latency from its due moment, p50 / p95 / p99 / max",
                format("%.0f / %.0f / %.0f / %.0f ms", percentile(millis, 50), percentile(millis, 95),
                        percentile(millis, 99), millis[millis.length - 1]), "p99 <= 1000 ms",
                percentile(millis, 99) <= 1000);
        RESULTS.add("  429 (loss) / other statuses / no answer", format("%d / %d / %d", tooMany, otherStatus, failed),
                "0 / 0 / 0", tooMany + otherStatus + failed == 0);
        RESULTS.note(format("%s: load average before the run %s", where, load));
        if (accepted != count) {
            Map<Integer, Long> byStatus = new TreeMap<>();
            sent.forEach(s -> byStatus.merge(s.status, 1L, Long::sum));
            RESULTS.note(where + ": answers by status " + byStatus + ", first error: " + sent.stream()
                    .filter(s -> s.error != null).map(s -> s.error).findFirst().orElse(""));
        }
    }

    static double percentile(double[] sorted, double percent) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * percent / 100) - 1)];
    }

    static String loadAverage() {
        try {
            return Arrays.stream(Files.readString(Path.of("/proc/loadavg")).split(" ")).limit(3).toList().toString();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
