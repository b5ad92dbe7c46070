package kz.elections.violations.partners;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import kz.elections.violations.api.FieldProblem;
import kz.elections.violations.api.InvalidRequestException;
import kz.elections.violations.api.NotFoundException;
import kz.elections.violations.api.TextLimits;
import kz.elections.violations.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/partners}, administrators only: issue a partner's key (shown once, in the answer),
 * list the partners, revoke a key (the partner's row stays, with who revoked it and when).
 */
@RestController
@RequestMapping("/api/admin/partners")
class PartnerController {

    /** The longest partner name ({@code partner.name} holds 200). */
    static final int NAME_LIMIT = 200;

    private final PartnerKeys keys;
    private final CurrentUser currentUser;

    PartnerController(PartnerKeys keys, CurrentUser currentUser) {
        this.keys = keys;
        this.currentUser = currentUser;
    }

    record PartnerRequest(String name, String channel) {
    }

    @PostMapping
    ResponseEntity<PartnerKeys.IssuedKey> issue(@RequestBody PartnerRequest request) {
        currentUser.requireAdmin();
        List<FieldProblem> problems = new ArrayList<>();
        String name = request.name() == null ? null : request.name().strip();
        if (name == null || name.isEmpty()) {
            problems.add(new FieldProblem("name", "is required"));
        } else {
            String broken = TextLimits.problem(name, NAME_LIMIT, false);
            if (broken != null) {
                problems.add(new FieldProblem("name", broken));
            }
        }
        List<String> channels = Arrays.stream(Channel.values()).filter(Channel::isPartners).map(Enum::name).toList();
        if (request.channel() == null || !channels.contains(request.channel())) {
            problems.add(new FieldProblem("channel", "must be one of " + channels));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        PartnerKeys.IssuedKey issued = keys.issue(name, Channel.valueOf(request.channel()), currentUser.id());
        return ResponseEntity.created(URI.create("/api/admin/partners/" + issued.partner().id())).body(issued);
    }

    @GetMapping
    List<Partner> list() {
        currentUser.requireAdmin();
        return keys.all();
    }

    @DeleteMapping("/{id}")
    Partner revoke(@PathVariable long id) {
        currentUser.requireAdmin();
        return keys.revoke(id, currentUser.id()).orElseThrow(() -> new NotFoundException("No partner with id " + id));
    }
}
