package kz.elections.violations.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import kz.elections.violations.election.Election;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the complaints' tests: the shared application of {@link CaseTestSupport} with small limits (3
 * complaints a minute and 5 a day per client address, 4 a minute per partner; 3 files, 64 KB each, 100 KB
 * together), the loopback proxy trusted so that {@code X-Forwarded-For} names each test's own client address,
 * a real SMTP server (GreenMail) for the complainants' e-mail, the regional prosecutors' offices of Almaty
 * and Astana with a member each ({@code complaints-almaty}, {@code complaints-astana}, password = user id),
 * the engine's clock at {@link #NOW} and an election in its campaign.
 */
public abstract class ComplaintTestSupport extends CaseTestSupport {

    protected static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    /** The engine's time in every test: Wednesday 1 April 2026, 10:00 in Almaty. */
    protected static final Instant NOW = LocalDateTime.parse("2026-04-01T10:00").atZone(ALMATY)
            .toInstant();
    protected static final LocalDate YESTERDAY = LocalDate.parse("2026-03-31");
    private static final int SMTP_PORT = freePort();
    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger(1);
    protected static final String ALMATY_PROSECUTOR = "complaints-almaty";
    protected static final String ASTANA_PROSECUTOR = "complaints-astana";
    protected static GreenMail smtp;

    @DynamicPropertySource
    static void smallLimitsAndAMailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("notifications.base-url", () -> "https://elections.example.kz");
        registry.add("security.trusted-proxies", () -> "127.0.0.1");
        registry.add("complaints.files.max-count", () -> 3);
        registry.add("complaints.files.max-file-size", () -> "64KB");
        registry.add("complaints.files.max-total-size", () -> "100KB");
        registry.add("complaints.rate-limits.per-client[0].requests", () -> 3);
        registry.add("complaints.rate-limits.per-client[0].per", () -> "1m");
        registry.add("complaints.rate-limits.per-client[1].requests", () -> 5);
        registry.add("complaints.rate-limits.per-client[1].per", () -> "1d");
        registry.add("complaints.rate-limits.per-partner[0].requests", () -> 4);
        registry.add("complaints.rate-limits.per-partner[0].per", () -> "1m");
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected IdentityService identityService;
    protected ComplaintClient complaints;
    protected HttpApi http;
    /** An election whose voting day, 1 May 2026, is 30 days after {@link #NOW}: in its campaign. */
    protected Election election;

    @BeforeAll
    static void startTheMailServer() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopTheMailServer() {
        smtp.stop();
    }

    @BeforeEach
    void clientsRegionalOfficesAndAnElectionInThirtyDays() {
        setClock(NOW);
        election = election("2026-05-01", "Asia/Almaty");
        complaints = new ComplaintClient(port);
        http = new HttpApi(port);
        regionalProsecutor(ALMATY_PROSECUTOR, "prosecutors-almaty");
        regionalProsecutor(ASTANA_PROSECUTOR, "prosecutors-astana");
    }

    private void regionalProsecutor(String userId, String groupId) {
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            var group = identityService.newGroup(groupId);
            group.setName("Regional prosecutors " + groupId);
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
        }
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User user = identityService.newUser(userId);
            user.setFirstName("Regional");
            user.setLastName(userId);
            user.setPassword(userId);
            // no address: the other test classes sharing the database count the messages of their cases
            identityService.saveUser(user);
            identityService.createMembership(userId, groupId);
        }
    }

    /** Headers of a client of its own (a documentation address behind the trusted proxy), never used before. */
    protected static Map<String, String> newClient() {
        int n = NEXT_CLIENT.getAndIncrement();
        return new HashMap<>(Map.of("X-Forwarded-For", "198.51." + (n / 250) + "." + (1 + n % 250)));
    }

    /** A complaint of the election in the region, with an offender and contact details. */
    protected static Map<String, Object> complaint(Election election, String region, LocalDate committedOn) {
        Map<String, Object> complaint = new HashMap<>();
        complaint.put("electionId", election.id());
        complaint.put("region", region);
        complaint.put("committedOn", committedOn.toString());
        complaint.put("place", "Polling station 117, Abai avenue 10");
        complaint.put("description", "Campaign leaflets were handed out at the entrance on voting day.");
        complaint.put("offender", Map.of("name", "Complained Candidate", "kind", "CANDIDATE"));
        complaint.put("contact", new HashMap<>(Map.of("name", "Aigerim Complainant", "email", "aigerim@example.kz",
                "phone", "+7 701 555 01 02")));
        return complaint;
    }

    /** The bytes of a tiny JPEG: its signature is what makes it one. */
    protected static byte[] jpeg(int size) {
        byte[] bytes = new byte[size];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        bytes[3] = (byte) 0xE0;
        for (int i = 4; i < size; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    protected static List<String> fields(ComplaintClient.Reply reply) {
        return reply.body().get("errors").findValuesAsText("field");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
