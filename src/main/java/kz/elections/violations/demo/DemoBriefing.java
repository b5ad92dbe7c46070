package kz.elections.violations.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionLevel;
import kz.elections.violations.election.ElectionRepository;
import kz.elections.violations.election.ElectionService;
import kz.elections.violations.notifications.Silence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile: on the first start the 2023 briefing's 34 facts are played through the process into
 * the elections {@code mazhilis-2023} and {@code maslikhats-2023}, so that the auditors' dashboard shows
 * the briefing's figures. All in one transaction: either every case is there or none; a restart finds
 * the elections and adds nothing, a start stopped before the end plays them again at the next start.
 * <p>
 * The briefing plays in a thread of its own once the application accepts traffic (after the access
 * rules, the demo users and the filters of start-up are in place): health is UP then, and the briefing's
 * elections, with all their cases at once, appear some seconds later, when the log says
 * "Demo: the 2023 briefing's 34 facts played". The engine clock is moved to 2023 for that thread only
 * (see {@link BriefingPlayer}), so the job executor and the users work on the real time meanwhile, and
 * see none of the briefing before it commits.
 */
@Component("demoBriefing")
@Profile("demo")
public class DemoBriefing implements HealthIndicator, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(DemoBriefing.class);

    private final BriefingPlayer player;
    private final ElectionRepository elections;
    private final ElectionService electionService;
    private final TransactionTemplate transaction;
    private final boolean enabled;
    private final AtomicBoolean started = new AtomicBoolean(false);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile Thread playing;

    public DemoBriefing(BriefingPlayer player, ElectionRepository elections, ElectionService electionService,
                        TransactionTemplate transaction, @Value("${audit.demo-briefing:true}") boolean enabled) {
        this.player = player;
        this.elections = elections;
        this.electionService = electionService;
        this.transaction = transaction;
        this.enabled = enabled;
    }

    /** Published by Spring Boot after every {@code ApplicationReadyEvent} listener has run. */
    @EventListener
    public void playOnFirstStart(AvailabilityChangeEvent<ReadinessState> readiness) {
        if (readiness.getState() != ReadinessState.ACCEPTING_TRAFFIC || !started.compareAndSet(false, true)) {
            return;
        }
        if (!enabled) {
            finished.countDown();
            return;
        }
        Thread thread = new Thread(this::playInBackground, "demo-briefing");
        thread.setDaemon(true);
        playing = thread;
        thread.start();
    }

    private void playInBackground() {
        try {
            load();
        } catch (CancellationException stopped) {
            LOG.info("Demo: the application stopped before the 2023 briefing was played; none of it was kept, "
                    + "the next start plays it");
        } catch (RuntimeException failed) {
            LOG.error("Demo: the 2023 briefing could not be played", failed);
        } finally {
            finished.countDown();
        }
    }

    /** @return true when the briefing was played now, false when its elections were already there */
    public boolean load() {
        Briefing2023 briefing = Briefing2023.load();
        if (briefing.elections().stream().anyMatch(spec -> elections.find(spec.id()).isPresent())) {
            return false;
        }
        LOG.info("Demo: playing the 2023 briefing's {} facts; its elections appear when they are all played",
                briefing.facts().size());
        long begun = System.nanoTime();
        transaction.executeWithoutResult(status -> {
            Map<String, String> ids = new LinkedHashMap<>();
            for (Briefing2023.ElectionSpec spec : briefing.elections()) {
                electionService.register(new Election(spec.id(), spec.name(), ElectionLevel.valueOf(spec.level()),
                        LocalDate.parse(spec.votingDay()), spec.timeZone()));
                ids.put(spec.key(), spec.id());
            }
            // history played back: nobody is told of its tasks and closed cases
            Silence.during(() -> player.play(briefing.facts(), ids, () -> stopping));
        });
        LOG.info("Demo: the 2023 briefing's {} facts played in {} ms", briefing.facts().size(),
                (System.nanoTime() - begun) / 1_000_000);
        return true;
    }

    /**
     * Waits until the briefing of this start has been played (or found already there, or has failed).
     *
     * @return false when it is still playing after the timeout
     */
    public boolean awaitPlayed(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** DOWN while the application starts; UP from when it accepts traffic, the briefing playing or not. */
    @Override
    public Health health() {
        if (!started.get()) {
            return Health.down().withDetail("demoBriefing", "the application is starting").build();
        }
        return Health.up().withDetail("demoBriefing", finished.getCount() == 0 ? "played" : "playing").build();
    }

    /** A briefing still playing stops before its next fact, and its transaction is rolled back. */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        Thread thread = playing;
        if (thread != null) {
            thread.join(Duration.ofSeconds(30).toMillis());
        }
    }
}
