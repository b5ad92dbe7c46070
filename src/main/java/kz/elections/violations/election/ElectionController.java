package kz.elections.violations.election;

import java.net.URI;
import java.util.List;

import kz.elections.violations.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/elections")
public class ElectionController {

    private final ElectionService elections;
    private final CurrentUser currentUser;

    public ElectionController(ElectionService elections, CurrentUser currentUser) {
        this.elections = elections;
        this.currentUser = currentUser;
    }

    @PostMapping
    public ResponseEntity<Election> create(@RequestBody ElectionRequest request) {
        currentUser.requireAdmin();
        Election election = elections.create(request);
        return ResponseEntity.created(URI.create("/api/elections/" + election.id())).body(election);
    }

    @PutMapping("/{id}")
    public Election update(@PathVariable String id, @RequestBody ElectionRequest request) {
        currentUser.requireAdmin();
        return elections.change(id, request);
    }

    @GetMapping("/{id}")
    public Election get(@PathVariable String id) {
        return elections.get(id);
    }

    @GetMapping
    public List<Election> all() {
        return elections.all();
    }
}
