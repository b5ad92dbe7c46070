package kz.elections.violations.election;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import kz.elections.violations.api.InvalidRequestException;
import kz.elections.violations.api.NotFoundException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ElectionService {

    private final ElectionRepository elections;
    private final ApplicationEventPublisher events;

    public ElectionService(ElectionRepository elections, ApplicationEventPublisher events) {
        this.elections = elections;
        this.events = events;
    }

    @Transactional
    public Election create(ElectionRequest request) {
        Election election = request.toElection(UUID.randomUUID().toString());
        return register(election);
    }

    /** Inserts an election and lets the rest of the application know (the freeze is scheduled). */
    @Transactional
    public Election register(Election election) {
        elections.insert(election);
        events.publishEvent(new ElectionRegistered(election));
        return election;
    }

    /**
     * Changes an election. When its calendar moves, every open case of the election follows in the
     * same transaction (see {@link ElectionCalendarChanged}). The API's change goes through
     * {@link #change}, which adds the rule on past voting days.
     */
    @Transactional
    public Election update(String id, ElectionRequest request) {
        return update(get(id), request.toElection(id));
    }

    /**
     * A change through {@code PUT /api/elections/{id}}: the correction or postponement of an election. Its
     * voting day may not move to a day already past in the election's zone (the freeze and the cases'
     * deadlines would be decided before anyone could act on them); a past election's own voting day may
     * stay as it is while its name is corrected. Recording a past election is {@link #create}'s.
     */
    @Transactional
    public Election change(String id, ElectionRequest request) {
        Election before = get(id);
        Election after = request.toElection(id);
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), after.zone());
        if (after.votingDay().isBefore(today) && !after.votingDay().equals(before.votingDay())) {
            throw new InvalidRequestException("votingDay", "must not be in the past (today is " + today + " in "
                    + after.timeZone() + ")" + (before.votingDay().isBefore(today)
                    ? "; a past election keeps its voting day, " + before.votingDay() : ""));
        }
        return update(before, after);
    }

    private Election update(Election before, Election after) {
        elections.update(after);
        if (!before.registrationFreezeFrom().equals(after.registrationFreezeFrom())) {
            events.publishEvent(new ElectionCalendarChanged(before, after));
        }
        return after;
    }

    public Election get(String id) {
        return elections.find(id).orElseThrow(() -> new NotFoundException("No election with id " + id));
    }

    public List<Election> all() {
        return elections.findAll();
    }
}
