package kz.elections.violations.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** The processes, decisions and forms in the application's classpath (from {@code processes/} and {@code forms/}). */
@Component
public class BundledResources {

    private static final List<String> PATTERNS = List.of(
            "classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn", "classpath*:forms/**/*.form");

    public List<BundledResource> load() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<BundledResource> resources = new ArrayList<>();
        try {
            for (String pattern : PATTERNS) {
                for (Resource resource : resolver.getResources(pattern)) {
                    try (InputStream in = resource.getInputStream()) {
                        resources.add(BundledResource.of(stableName(resource.getURL().toString()), in.readAllBytes()));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled processes and forms", e);
        }
        resources.sort(Comparator.comparing(BundledResource::name));
        return resources;
    }

    /**
     * The resource's name relative to the classpath root: the same for a file under target/classes
     * ({@code mvn spring-boot:run}) and an entry of the packaged jar ({@code java -jar}).
     */
    static String stableName(String url) {
        for (String folder : List.of("/processes/", "/forms/")) {
            int at = url.lastIndexOf(folder);
            if (at >= 0) {
                return url.substring(at + 1);
            }
        }
        throw new IllegalArgumentException("not under processes/ or forms/: " + url);
    }
}
