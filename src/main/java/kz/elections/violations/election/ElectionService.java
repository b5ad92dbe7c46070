package kz.elections.violations.election;

import java.util.List;
import java.util.UUID;

import kz.elections.violations.api.NotFoundException;
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
     * same transaction (see {@link ElectionCalendarChanged}).
     */
    @Transactional
    public Election update(String id, ElectionRequest request) {
        Election before = get(id);
        Election after = request.toElection(id);
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
