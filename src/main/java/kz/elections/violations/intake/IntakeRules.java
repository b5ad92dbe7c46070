package kz.elections.violations.intake;

import kz.elections.violations.model.OffenderKind;
import static kz.elections.violations.model.CaseVariables.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import kz.elections.violations.api.FieldProblem;
import kz.elections.violations.api.TextLimits;
import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionRepository;
import kz.elections.violations.regions.Region;
import kz.elections.violations.regions.Regions;
import kz.elections.violations.sanctions.OffenceCatalogue;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The rules a detected fact must satisfy before its case starts. The same rules guard
 * {@code POST /api/cases} and the Tasklist start form, both working on the flat process variables.
 * Problems are reported under the JSON path of the API's body.
 * <p>
 * Every text is checked as it will be stored: its length against {@link TextLimits}, no control
 * characters, and no blanks around an id, code, number or date, which would pass a check on the trimmed
 * value and then fail in the database or never match (a district's group, the catalogue's part).
 */
@Component
public class IntakeRules {

    public static final String DEFAULT_CODE = "CAO";
    private static final List<String> CODES = List.of("CAO", "CC");

    /** The longest text of each free-text variable; every other text has the limit of a code. */
    private static final Map<String, Integer> LIMITS = Map.of(ELECTION_ID, TextLimits.IDENTIFIER,
            REGION, TextLimits.REGION, PLACE, TextLimits.PLACE, OFFENDER_NAME, TextLimits.OFFENDER_NAME,
            DESCRIPTION, TextLimits.DESCRIPTION);
    /** Variables stored and compared as sent, so they must not begin or end with blanks. */
    private static final Set<String> EXACT = Set.of(ELECTION_ID, COMMITTED_ON, OFFENDER_KIND, OFFENDER_IIN,
            OFFENDER_BIN, DISTRICT_COMMISSION, CODE, ARTICLE, PART, SOURCE);

    private final ElectionRepository elections;
    private final OffenceCatalogue catalogue;
    private final Regions regions;

    public IntakeRules(ElectionRepository elections, OffenceCatalogue catalogue, Regions regions) {
        this.elections = elections;
        this.catalogue = catalogue;
        this.regions = regions;
    }

    /** The JSON path of the API body under which a process variable is reported. */
    public static String jsonPath(String variable) {
        return switch (variable) {
            case OFFENDER_KIND -> "offender.kind";
            case OFFENDER_NAME -> "offender.name";
            case OFFENDER_IIN -> "offender.iin";
            case OFFENDER_BIN -> "offender.bin";
            case DISTRICT_COMMISSION -> "offender.districtCommission";
            default -> variable;
        };
    }

    /** The formats in which a day is accepted: ISO ({@code 2023-03-01}) and as staff write it ({@code 01.03.2023}). */
    private static final DateTimeFormatter STAFF_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /**
     * The day a text names, in ISO {@code yyyy-MM-dd} or as staff write it, {@code dd.MM.yyyy}; null when it
     * is neither. A case keeps the ISO form.
     */
    public static LocalDate parseDay(String text) {
        try {
            return text.contains(".") ? LocalDate.parse(text, STAFF_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The elections a fact may be registered for, in the order a form offers them (the newest first). */
    public List<Election> electionsTakingFacts() {
        return elections.findAll();
    }

    /** The regions a fact may be registered in, in the order a form offers them (cities first). */
    public List<Region> regions() {
        return regions.all();
    }

    /** The region a fact's {@code region} names: by code, by any of its names or by an alias. */
    public Optional<Region> region(Object region) {
        return region instanceof String text ? regions.find(text) : Optional.empty();
    }

    public List<FieldProblem> check(Map<String, Object> variables) {
        Problems problems = new Problems(variables);

        Optional<Election> election = Optional.empty();
        String electionId = problems.requiredText(ELECTION_ID);
        if (electionId != null) {
            election = elections.find(electionId);
            if (election.isEmpty()) {
                problems.add(ELECTION_ID, "election.unknown", "no election with id " + electionId);
            }
        }
        String region = problems.requiredText(REGION);
        if (region != null && regions.find(region).isEmpty()) {
            problems.add(REGION, "region.unknown", "names no region of Kazakhstan: give a region's code, one of its "
                    + "names or an alias, as GET /api/regions lists them (e.g. almaty, Almaty, Алматы)");
        }
        problems.requiredText(PLACE);
        problems.requiredText(DESCRIPTION);

        String committedOn = problems.requiredText(COMMITTED_ON);
        if (committedOn != null) {
            ZoneId zone = election.map(Election::zone).orElse(ZoneId.of("Asia/Almaty"));
            LocalDate day = parseDay(committedOn);
            if (day == null) {
                problems.add(COMMITTED_ON, "date.format", "must be an ISO date such as 2023-03-01");
            } else {
                LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
                if (day.isAfter(today)) {
                    problems.add(COMMITTED_ON, "date.future", "must not be in the future (today is " + today + ")", today);
                }
            }
        }

        OffenderKind kind = problems.requiredEnum(OFFENDER_KIND, OffenderKind.class);
        problems.requiredText(OFFENDER_NAME);
        checkIdentification(problems, kind);
        String district = kind != null && kind.needsDistrictCommission()
                ? problems.requiredText(DISTRICT_COMMISSION) : problems.optionalText(DISTRICT_COMMISSION);
        if (district != null && !district.matches("[1-9]\\d{0,2}")) {
            problems.add(DISTRICT_COMMISSION, "district.number", "must be the district's number, 1 to 999 without leading zeros");
        }

        problems.requiredEnum(SOURCE, FactSource.class);
        checkOffence(problems, kind);
        problems.optionalBoolean(SUBSTANTIAL_HARM);
        problems.optionalBoolean(EXPELLED_FROM_POLLING_STATION);
        return problems.list;
    }

    private void checkIdentification(Problems problems, OffenderKind kind) {
        String iin = problems.identificationNumber(OFFENDER_IIN);
        String bin = problems.identificationNumber(OFFENDER_BIN);
        if (iin != null && !IdentificationNumber.isValid(iin)) {
            problems.add(OFFENDER_IIN, "iin.checkDigit", "an IIN is 12 digits with a valid check digit");
        }
        if (bin != null && !IdentificationNumber.isValid(bin)) {
            problems.add(OFFENDER_BIN, "bin.checkDigit", "a BIN is 12 digits with a valid check digit");
        }
        if (problems.reported(OFFENDER_IIN) || problems.reported(OFFENDER_BIN)) {
            return;
        }
        if (kind == OffenderKind.LEGAL_ENTITY && bin == null) {
            problems.add(OFFENDER_BIN, "bin.requiredForLegalEntity", "is required for a legal entity");
        } else if (kind == OffenderKind.MEDIA_OWNER && iin == null && bin == null) {
            problems.add(OFFENDER_IIN, "mediaOwner.identification", "a media owner needs an IIN (a person) or a BIN (a legal entity)");
        } else if (kind != null && kind != OffenderKind.LEGAL_ENTITY && kind != OffenderKind.MEDIA_OWNER
                && iin == null) {
            problems.add(OFFENDER_IIN, "iin.requiredForPerson", "is required for a person");
        }
    }

    private void checkOffence(Problems problems, OffenderKind kind) {
        String code = problems.optionalText(CODE);
        if (problems.reported(CODE)) {
            code = null;
        } else if (code == null) {
            code = DEFAULT_CODE;
        } else if (!CODES.contains(code)) {
            problems.add(CODE, "code.unknown", "must be CAO (Code of Administrative Offences) or CC (Criminal Code)");
            code = null;
        }
        String article = problems.requiredText(ARTICLE);
        if (article != null && !article.matches("\\d{1,4}(-\\d{1,2})?")) {
            problems.add(ARTICLE, "article.number", "must be an article number such as 102");
            article = null;
        }
        String part = problems.optionalText(PART);
        if (part != null && !part.matches("[1-9]\\d?")) {
            problems.add(PART, "part.number", "must be a part number such as 1");
            part = null;
        }
        if (code == null || article == null) {
            return;
        }
        if (catalogue.find(code, article, null, kind).isEmpty() && catalogue.find(code, article, "1", kind).isEmpty()) {
            problems.add(ARTICLE, "article.notInCatalogue", code + " article " + article + " is not in the offence catalogue",
                    code, article);
        } else if (part != null && !catalogue.listsPart(code, article, part, kind)) {
            List<String> parts = catalogue.partsOf(code, article, kind);
            problems.add(PART, parts.isEmpty() ? "part.articleUndivided" : "part.notInCatalogue",
                    code + " article " + article + " has no part " + part + " in the offence catalogue"
                    + (parts.isEmpty() ? "; the catalogue does not divide the article into parts: leave the part empty"
                    : " (parts: " + String.join(", ", parts) + ")"), code, article, part, String.join(", ", parts));
        }
    }

    /** Collects problems while reading typed values out of the variables. */
    private static final class Problems {
        private final Map<String, Object> variables;
        private final List<FieldProblem> list = new ArrayList<>();
        private final Set<String> reported = new HashSet<>();

        Problems(Map<String, Object> variables) {
            this.variables = variables;
        }

        void add(String variable, String rule, String message, Object... arguments) {
            list.add(FieldProblem.of(jsonPath(variable), rule, message, arguments));
            reported.add(variable);
        }

        boolean reported(String variable) {
            return reported.contains(variable);
        }

        /** The text, trimmed; null when it is absent, blank or breaks a rule of texts (reported). */
        String optionalText(String variable) {
            Object value = variables.get(variable);
            if (value == null) {
                return null;
            }
            if (value instanceof String text) {
                TextLimits.Broken broken = TextLimits.broken(text, LIMITS.getOrDefault(variable, TextLimits.CODE),
                        DESCRIPTION.equals(variable));
                if (broken == null && EXACT.contains(variable) && !text.equals(text.strip())) {
                    broken = new TextLimits.Broken("text.blanksAround", "must not begin or end with a space", List.of());
                }
                if (broken != null) {
                    add(variable, broken.rule(), broken.message(), broken.arguments().toArray());
                    return null;
                }
                return text.isBlank() ? null : text.trim();
            }
            if (value instanceof Number number) {
                return number.toString();
            }
            add(variable, "text.notText", "must be text");
            return null;
        }

        String requiredText(String variable) {
            String text = optionalText(variable);
            if (text == null && !reported(variable)) {
                add(variable, "required", "is required");
            }
            return text;
        }

        /** An IIN or BIN is text: as a number it would lose its leading zeros. */
        String identificationNumber(String variable) {
            if (variables.get(variable) instanceof Number) {
                add(variable, "identification.notText", "must be text of 12 digits, not a number");
                return null;
            }
            return optionalText(variable);
        }

        void optionalBoolean(String variable) {
            Object value = variables.get(variable);
            if (value != null && !(value instanceof Boolean)) {
                add(variable, "boolean", "must be true or false");
            }
        }

        <E extends Enum<E>> E requiredEnum(String variable, Class<E> type) {
            String text = requiredText(variable);
            if (text == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, text);
            } catch (IllegalArgumentException e) {
                add(variable, "choice", "must be one of " + Arrays.toString(type.getEnumConstants()));
                return null;
            }
        }
    }
}
