package kz.elections.violations.regions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * The regions of {@code regions/regions.json}, read once at start-up. A region is found by its code, any of
 * its three names or an alias, ignoring case and surrounding spaces: "Almaty", "алматы" and "almaty" are
 * the city, "Almaty Region" and "almaty-region" the region around it.
 */
@Component
public class Regions {

    /** The regional prosecutors' groups are {@code prosecutors-<region code>}. */
    public static final String PROSECUTORS_GROUP_PREFIX = "prosecutors-";

    static final String RESOURCE = "/regions/regions.json";

    private record File(String _comment, List<Region> regions) {
    }

    private final List<Region> all;
    private final Map<String, Region> byCode = new LinkedHashMap<>();
    private final Map<String, Region> byAnyName = new LinkedHashMap<>();

    Regions() {
        this.all = List.copyOf(load().regions());
        for (Region region : all) {
            if (byCode.put(region.code(), region) != null) {
                throw new IllegalStateException(RESOURCE + ": region code " + region.code() + " twice");
            }
        }
        for (Region region : all) {
            Stream.concat(Stream.concat(Stream.of(region.code()), region.names().values().stream()),
                    region.aliases().stream()).map(Regions::key).forEach(name -> {
                        Region earlier = byAnyName.putIfAbsent(name, region);
                        if (earlier != null && earlier != region) {
                            throw new IllegalStateException(RESOURCE + ": " + name + " names " + earlier.code()
                                    + " and " + region.code());
                        }
                    });
        }
    }

    /** Every region, cities of republican significance first, in the file's order. */
    public List<Region> all() {
        return all;
    }

    /** The region with this code, name or alias. */
    public Optional<Region> find(String codeOrName) {
        return codeOrName == null ? Optional.empty() : Optional.ofNullable(byAnyName.get(key(codeOrName)));
    }

    /** The region with exactly this code. */
    public Optional<Region> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The region whose prosecutors' office is this group ({@code prosecutors-almaty}), if it is one. */
    public Optional<Region> ofProsecutorsGroup(String groupId) {
        return groupId != null && groupId.startsWith(PROSECUTORS_GROUP_PREFIX)
                ? byCode(groupId.substring(PROSECUTORS_GROUP_PREFIX.length())) : Optional.empty();
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static File load() {
        try (InputStream in = Regions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(in, File.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
