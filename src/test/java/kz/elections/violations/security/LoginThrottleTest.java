package kz.elections.violations.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import kz.elections.violations.security.LoopbackClient.Reply;
import kz.elections.violations.support.CaseTestSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Wrong passwords over HTTP, from clients at different loopback addresses, with the limits of
 * application.yaml (5 per account and client, 20 per client, 50 per account; locks of 1 minute doubling to
 * 15). The engine's clock is the throttle's: a test moves it to let a lock expire. Every test uses client
 * addresses of its own, so that no test inherits another's counts.
 */
class LoginThrottleTest extends CaseTestSupport {

    /** The limits of application.yaml (the test profile raises them for every other test). */
    @DynamicPropertySource
    static void productionLimits(DynamicPropertyRegistry registry) {
        registry.add("security.login-throttle.failures-per-account-and-client", () -> 5);
        registry.add("security.login-throttle.failures-per-client", () -> 20);
        registry.add("security.login-throttle.failures-per-account", () -> 50);
    }

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    Instant start;

    @BeforeEach
    void stopTheClock() {
        start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        setClock(start);
    }

    private LoopbackClient newClient() {
        return new LoopbackClient(port, "127.0.0." + NEXT_ADDRESS.getAndIncrement());
    }

    private static void assertLockedForThisClient(Reply reply, long seconds) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(401);
        assertThat(reply.isThrottled()).as(reply.body()).isTrue();
        assertThat(reply.header("Retry-After")).isEqualTo(Long.toString(seconds));
        assertThat(reply.json().get("title").asText()).isEqualTo("Account locked for this client");
        assertThat(reply.json().get("detail").asText())
                .contains("locked for this client for " + seconds + " seconds", "Other clients can still log in");
        assertThat(reply.json().get("retryAfterSeconds").asLong()).isEqualTo(seconds);
    }

    private static void sendWrongPasswords(LoopbackClient client, String path, String user, int times) {
        for (int i = 0; i < times; i++) {
            Reply reply = client.get(path, user, "wrong-" + i);
            assertThat(reply.status()).as("wrong password %d: %s", i + 1, reply.body()).isEqualTo(401);
            assertThat(reply.isThrottled()).as("wrong password %d is checked", i + 1).isFalse();
        }
    }

    @Test
    void wrongPasswordsLockTheAccountForThatClientOnlyUntilTheLockExpires() {
        LoopbackClient stranger = newClient();
        LoopbackClient prosecutor = newClient();
        sendWrongPasswords(stranger, "/api/elections", "prosecutor", 5);

        Reply rightPassword = stranger.get("/api/elections", "prosecutor", "prosecutor");
        assertLockedForThisClient(rightPassword, 60);
        assertThat(rightPassword.header("WWW-Authenticate")).isEqualTo("Basic realm=\"election-violations\"");
        assertLockedForThisClient(stranger.get("/api/elections", "prosecutor", "wrong-again"), 60);
        // a script of the audit pages gets no Basic challenge, as from the authentication itself
        assertThat(stranger.get("/api/elections", "prosecutor", "prosecutor", "X-Requested-With: XMLHttpRequest")
                .header("WWW-Authenticate")).isNull();

        // the prosecutor, at another address, is not locked out by the stranger's wrong passwords
        assertThat(prosecutor.get("/api/elections", "prosecutor", "prosecutor").status()).isEqualTo(200);
        // nor is the account itself: the engine accepts its password
        assertThat(identityService.checkPassword("prosecutor", "prosecutor")).isTrue();

        setClock(start.plusSeconds(59));
        assertLockedForThisClient(stranger.get("/api/elections", "prosecutor", "prosecutor"), 1);
        setClock(start.plusSeconds(61));
        assertThat(stranger.get("/api/elections", "prosecutor", "prosecutor").status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordAfterALockLocksAgainForTwiceAsLongAndARightOneStartsTheCountAfresh() {
        LoopbackClient client = newClient();
        sendWrongPasswords(client, "/api/elections", "cec", 5);
        assertLockedForThisClient(client.get("/api/elections", "cec", "cec"), 60);

        setClock(start.plusSeconds(61));
        sendWrongPasswords(client, "/api/elections", "cec", 1);
        assertLockedForThisClient(client.get("/api/elections", "cec", "cec"), 120);

        setClock(start.plusSeconds(182));
        assertThat(client.get("/api/elections", "cec", "cec").status()).isEqualTo(200);
        sendWrongPasswords(client, "/api/elections", "cec", 4);
        assertThat(client.get("/api/elections", "cec", "cec").status()).isEqualTo(200);
    }

    @Test
    void theTasklistLoginFormIsThrottledTheSameWay() {
        LoopbackClient stranger = newClient();
        LoopbackClient commission = newClient();
        for (int i = 0; i < 5; i++) {
            Reply wrong = stranger.logInToTasklist("commission1", "wrong-" + i);
            assertThat(wrong.status()).as(wrong.body()).isEqualTo(401);
            assertThat(wrong.isThrottled()).isFalse();
        }
        Reply locked = stranger.logInToTasklist("commission1", "commission1");
        assertLockedForThisClient(locked, 60);
        assertThat(locked.header("WWW-Authenticate")).isNull();

        Reply other = commission.logInToTasklist("commission1", "commission1");
        assertThat(other.status()).as(other.body()).isEqualTo(200);
        assertThat(other.json().get("userId").asText()).isEqualTo("commission1");

        setClock(start.plusSeconds(61));
        assertThat(stranger.logInToTasklist("commission1", "commission1").status()).isEqualTo(200);
    }

    @Test
    void theEngineRestApiIsThrottledTheSameWay() {
        LoopbackClient stranger = newClient();
        LoopbackClient auditor = newClient();
        sendWrongPasswords(stranger, "/engine-rest/task", "auditor", 5);
        assertLockedForThisClient(stranger.get("/engine-rest/task", "auditor", "auditor"), 60);
        assertThat(auditor.get("/engine-rest/task", "auditor", "auditor").status()).isEqualTo(200);
        setClock(start.plusSeconds(61));
        assertThat(stranger.get("/engine-rest/task", "auditor", "auditor").status()).isEqualTo(200);
    }

    @Test
    void checkingAnAccountsPasswordOverTheEngineRestApiCountsAsALoginOfThatAccount() {
        // identity/verify checks any account's password for a user who may read users (an administrator)
        LoopbackClient administrator = newClient();
        LoopbackClient another = newClient();
        for (int i = 0; i < 5; i++) {
            Reply check = administrator.basic("POST", "/engine-rest/identity/verify", "demo", "demo",
                    "{\"username\":\"cec\",\"password\":\"guess-" + i + "\"}");
            assertThat(check.status()).as(check.body()).isEqualTo(200);
            assertThat(check.json().get("authenticated").asBoolean()).isFalse();
        }
        assertLockedForThisClient(administrator.basic("POST", "/engine-rest/identity/verify", "demo", "demo",
                "{\"username\":\"cec\",\"password\":\"cec\"}"), 60);
        // the administrator's own account is not locked; from another client the check goes on
        assertThat(administrator.get("/api/elections", "demo", "demo").status()).isEqualTo(200);
        Reply elsewhere = another.basic("POST", "/engine-rest/identity/verify", "demo", "demo",
                "{\"username\":\"cec\",\"password\":\"cec\"}");
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(200);
        assertThat(elsewhere.json().get("authenticated").asBoolean()).isTrue();
    }

    @Test
    void aClientTryingManyAccountsIsRefusedWith429SaveForAccountsItHasLoggedInWithBefore() {
        LoopbackClient sprayer = newClient();
        assertThat(sprayer.get("/api/elections", "auditor", "auditor").status()).isEqualTo(200);
        for (int account = 1; account <= 5; account++) {
            sendWrongPasswords(sprayer, "/api/elections", "nobody-" + account, 4);
        }

        Reply refused = sprayer.get("/api/elections", "commission2", "commission2");
        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.isThrottled()).isTrue();
        assertThat(refused.header("Retry-After")).isEqualTo("60");
        assertThat(refused.json().get("detail").asText())
                .contains("refused for 60 seconds", "except with accounts it has logged in with before");
        assertThat(sprayer.get("/api/elections", "auditor", "auditor").status()).isEqualTo(200);
        assertThat(newClient().get("/api/elections", "commission2", "commission2").status()).isEqualTo(200);
    }

    @Test
    void manyClientsFailingOneAccountLockItOnlyForClientsThatNeverLoggedInWithIt() {
        String id = "throttle" + System.nanoTime();
        User user = identityService.newUser(id);
        user.setPassword("right-password-" + id);
        identityService.saveUser(user);
        try {
            LoopbackClient regular = newClient();
            assertThat(regular.get("/api/elections", id, "right-password-" + id).status()).isEqualTo(200);
            for (int client = 0; client < 10; client++) {
                sendWrongPasswords(newClient(), "/api/elections", id, 5);
            }

            Reply newcomer = newClient().get("/api/elections", id, "right-password-" + id);
            assertThat(newcomer.status()).as(newcomer.body()).isEqualTo(401);
            assertThat(newcomer.isThrottled()).isTrue();
            assertThat(newcomer.header("Retry-After")).isEqualTo("60");
            assertThat(newcomer.json().get("title").asText()).isEqualTo("Account locked for new clients");
            assertThat(regular.get("/api/elections", id, "right-password-" + id).status()).isEqualTo(200);
        } finally {
            identityService.deleteUser(id);
        }
    }

    @Test
    void manyWrongPasswordsSentAtOnceGetNoMorePasswordChecksThanTheLimit() throws Exception {
        LoopbackClient client = newClient();
        ExecutorService senders = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Reply>> logins = IntStream.range(0, 20).<Callable<Reply>>mapToObj(i ->
                    () -> client.get("/api/elections", "prosecutor", "parallel-" + i)).toList();
            List<Future<Reply>> replies = senders.invokeAll(logins);
            long checked = 0;
            for (Future<Reply> reply : replies) {
                assertThat(reply.get().status()).isEqualTo(401);
                checked += reply.get().isThrottled() ? 0 : 1;
            }
            assertThat(checked).isEqualTo(5);
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void xForwardedForFromAClientThatIsNoTrustedProxyChangesNothing() {
        LoopbackClient stranger = newClient();
        sendWrongPasswords(stranger, "/api/elections", "prosecutor", 5);
        assertLockedForThisClient(stranger.get("/api/elections", "prosecutor", "prosecutor",
                "X-Forwarded-For: 127.0.0.250"), 60);
    }

    @Test
    void theEngineItselfLocksNoAccount() {
        for (int i = 0; i < 12; i++) {
            assertThat(identityService.checkPassword("auditor", "wrong-" + i)).isFalse();
        }
        assertThat(identityService.checkPassword("auditor", "auditor")).isTrue();
    }
}
