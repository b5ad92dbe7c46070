package kz.elections.violations.regionaloffices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import kz.elections.violations.regions.Region;
import kz.elections.violations.regions.Regions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The structure of the prosecution service: one group {@code prosecutors-<region code>} per region, named in
 * Kazakh and Russian ({@code regionaloffices/offices.json}), created at every start-up in every profile where
 * it is missing; an existing group keeps its name (an administrator may have renamed it). The administrator
 * adds the regional prosecutors to their office's group in Camunda Admin.
 */
@Component
public class RegionalOfficeGroups {

    static final String RESOURCE = "/regionaloffices/offices.json";
    private static final Logger LOG = LoggerFactory.getLogger(RegionalOfficeGroups.class);

    private record File(String _comment, Map<String, String> offices) {
    }

    private final IdentityService identityService;
    private final Regions regions;
    private final Map<String, String> names;

    public RegionalOfficeGroups(IdentityService identityService, Regions regions) {
        this.identityService = identityService;
        this.regions = regions;
        this.names = Map.copyOf(load().offices());
        for (Region region : regions.all()) {
            if (!names.containsKey(region.code())) {
                throw new IllegalStateException(RESOURCE + " names no office for region " + region.code());
            }
        }
    }

    /** The office's name in Kazakh and Russian: "Алматы қаласының прокуратурасы / Прокуратура города Алматы". */
    public String nameOf(Region region) {
        return names.get(region.code());
    }

    /** Before the demo data (which makes its regional prosecutors members) and the grants. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    @Transactional
    public void create() {
        int created = 0;
        for (Region region : regions.all()) {
            String id = region.prosecutorsGroup();
            if (identityService.createGroupQuery().groupId(id).count() == 0) {
                Group group = identityService.newGroup(id);
                group.setName(nameOf(region));
                group.setType("WORKFLOW");
                identityService.saveGroup(group);
                created++;
            }
        }
        if (created > 0) {
            LOG.info("Created {} regional prosecutors' offices (groups {}<region code>)", created,
                    Regions.PROSECUTORS_GROUP_PREFIX);
        }
    }

    private static File load() {
        URL resource = RegionalOfficeGroups.class.getResource(RESOURCE);
        if (resource == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the classpath");
        }
        try {
            return new ObjectMapper().readValue(resource, File.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
