package kz.elections.violations.regions;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/regions}: open to anyone (no personal data; the public complaint page reads it). */
@RestController
class RegionsController {

    private final Regions regions;

    RegionsController(Regions regions) {
        this.regions = regions;
    }

    @GetMapping("/api/regions")
    List<Region> regions() {
        return regions.all();
    }
}
