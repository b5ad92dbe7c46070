package kz.elections.violations.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionLevel;
import kz.elections.violations.election.ElectionRepository;
import kz.elections.violations.election.ElectionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile: on the first start the 2023 briefing's 34 facts are played through the process into
 * the elections {@code mazhilis-2023} and {@code maslikhats-2023}, so that the auditors' dashboard shows
 * the briefing's figures. All in one transaction: either every case is there or none; a restart finds
 * the elections and adds nothing. The engine clock is moved to 2023 while the cases play, so the job
 * executor pauses and health reports DOWN until they are done.
 */
@Component("demoBriefing")
@Profile("demo")
public class DemoBriefing implements HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(DemoBriefing.class);

    private final BriefingPlayer player;
    private final ElectionRepository elections;
    private final ElectionService electionService;
    private final TransactionTemplate transaction;
    private final ProcessEngine engine;
    private final boolean enabled;
    private final AtomicBoolean done = new AtomicBoolean(false);

    public DemoBriefing(BriefingPlayer player, ElectionRepository elections, ElectionService electionService,
                        TransactionTemplate transaction,
                        ProcessEngine engine, @Value("${audit.demo-briefing:true}") boolean enabled) {
        this.player = player;
        this.elections = elections;
        this.electionService = electionService;
        this.transaction = transaction;
        this.engine = engine;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void playOnFirstStart() {
        try {
            if (enabled) {
                load();
            }
        } finally {
            done.set(true);
        }
    }

    /** @return true when the briefing was played now, false when its elections were already there */
    public boolean load() {
        Briefing2023 briefing = Briefing2023.load();
        if (briefing.elections().stream().anyMatch(spec -> elections.find(spec.id()).isPresent())) {
            return false;
        }
        JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getJobExecutor();
        boolean pause = jobExecutor != null && jobExecutor.isActive();
        if (pause) {
            jobExecutor.shutdown();
        }
        try {
            long started = System.nanoTime();
            transaction.executeWithoutResult(status -> {
                Map<String, String> ids = new LinkedHashMap<>();
                for (Briefing2023.ElectionSpec spec : briefing.elections()) {
                    electionService.register(new Election(spec.id(), spec.name(), ElectionLevel.valueOf(spec.level()),
                            LocalDate.parse(spec.votingDay()), spec.timeZone()));
                    ids.put(spec.key(), spec.id());
                }
                player.play(briefing.facts(), ids);
            });
            LOG.info("Demo: the 2023 briefing's {} facts played in {} ms", briefing.facts().size(),
                    (System.nanoTime() - started) / 1_000_000);
            return true;
        } finally {
            if (pause) {
                jobExecutor.start();
            }
        }
    }

    @Override
    public Health health() {
        return done.get() ? Health.up().build()
                : Health.down().withDetail("demoBriefing", "the 2023 briefing's cases are being loaded").build();
    }
}
