package kz.elections.violations.regions;

import java.util.List;
import java.util.Map;

/**
 * A region or a city of republican significance.
 *
 * @param code    the region's id in the application, lower case: {@code almaty}, {@code almaty-region}
 * @param kind    {@code CITY} (of republican significance) or {@code REGION}
 * @param names   its names by language: {@code kk}, {@code ru}, {@code en}
 * @param aliases other spellings accepted where a region is named (intake, complaints)
 */
public record Region(String code, String kind, Map<String, String> names, List<String> aliases) {

    /** The group of the region's prosecutors' office. */
    public String prosecutorsGroup() {
        return Regions.PROSECUTORS_GROUP_PREFIX + code;
    }

    /** The region's name in the language ({@code kk}, {@code ru}, {@code en}), English when there is none. */
    public String name(String language) {
        return names.getOrDefault(language, names.get("en"));
    }
}
