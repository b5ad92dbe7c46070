package kz.elections.violations.sanctions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The offence catalogue (DMN decision {@code OffenceCatalogue} in processes/): what an article, part
 * and offender kind bring in sanctions. Admins revise the table; this class only reads it.
 * <p>
 * The catalogue is reference data that intake and the court ruling look up several times per case, not
 * a decision of the case: it is evaluated with a DMN engine of its own, not through the process engine's
 * {@code DecisionService}, so a look-up writes no decision history (three rows and more per look-up with
 * history level full) and needs no decision permission. Every look-up still asks for the newest deployed
 * version, so an admin's revision counts from the next look-up on, on every node; the parsed table and
 * its answers are kept per version (the table has a few dozen rows; answers to at most
 * {@value #MAX_ANSWERS} distinct questions are kept).
 */
@Component
public class OffenceCatalogue {

    static final String DECISION_KEY = "OffenceCatalogue";
    static final int MAX_ANSWERS = 10_000;
    static final int HIGHEST_PART = 99;
    /** A part no article has: parts are numbers. */
    private static final String NO_SUCH_PART = "-";

    /** Key of the version a transaction looked up. */
    private final Object newestInTransactionKey = new Object();

    private final RepositoryService repository;
    private final DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private volatile Version newest;

    public OffenceCatalogue(RepositoryService repository) {
        this.repository = repository;
    }

    /**
     * An offence's title in English (the API's messages), Kazakh and Russian, and its sanctions; the fine
     * bounds are null for a criminal offence.
     */
    public record Offence(String title, String titleKk, String titleRu, BigDecimal fineMinMci, BigDecimal fineMaxMci,
                          boolean warningPossible, BigDecimal abbreviatedFineMci) {

        /**
         * The title as the engine stores it once for everyone (the case's {@code offenceTitle}, shown by the
         * forms): Kazakh, then Russian, "Тыйым салынған кезеңдегі үгіт / Агитация в запрещённый период";
         * a revised table that lacks one of them gives what it has.
         */
        public String bilingualTitle() {
            if (titleKk != null && titleRu != null) {
                return titleKk + " / " + titleRu;
            }
            return titleKk != null ? titleKk : titleRu != null ? titleRu : title;
        }
    }

    public Optional<Offence> find(String code, String article, String part, Object offenderKind) {
        String kind = offenderKind == null ? null : offenderKind.toString();
        return newestVersion().find(Arrays.asList(code, article, part, kind));
    }

    /**
     * Whether the catalogue lists this part of the article: a row matches the part, and it is not a row
     * that matches whatever part is given (an article the table does not divide into parts matches any
     * part through its empty part entry, which lists none).
     */
    public boolean listsPart(String code, String article, String part, Object offenderKind) {
        Optional<Offence> forPart = find(code, article, part, offenderKind);
        return forPart.isPresent() && !forPart.equals(find(code, article, NO_SUCH_PART, offenderKind));
    }

    /** The parts (1 to {@value #HIGHEST_PART}) the catalogue lists for the article, in order. */
    public List<String> partsOf(String code, String article, Object offenderKind) {
        return IntStream.rangeClosed(1, HIGHEST_PART).mapToObj(String::valueOf)
                .filter(part -> listsPart(code, article, part, offenderKind)).toList();
    }

    /**
     * The newest deployed version; within one transaction (an intake looks the catalogue up several
     * times: its rules, the start listener, the offence's title) it is asked for once.
     */
    private Version newestVersion() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return newestDeployedVersion();
        }
        Version known = (Version) TransactionSynchronizationManager.getResource(newestInTransactionKey);
        if (known == null) {
            known = newestDeployedVersion();
            TransactionSynchronizationManager.bindResource(newestInTransactionKey, known);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(newestInTransactionKey);
                }
            });
        }
        return known;
    }

    private Version newestDeployedVersion() {
        DecisionDefinition deployed = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
                .latestVersion().singleResult();
        if (deployed == null) {
            throw new IllegalStateException("the decision " + DECISION_KEY + " is not deployed");
        }
        Version known = newest;
        if (known == null || !known.definitionId.equals(deployed.getId())) {
            known = new Version(deployed.getId(), parse(deployed));
            newest = known;
        }
        return known;
    }

    private DmnDecision parse(DecisionDefinition definition) {
        try (InputStream model = repository.getDecisionModel(definition.getId())) {
            return dmnEngine.parseDecision(DECISION_KEY, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One deployed version of the table and the answers it gave. */
    private final class Version {
        private final String definitionId;
        private final DmnDecision decision;
        private final Map<List<String>, Optional<Offence>> answers = new ConcurrentHashMap<>();

        Version(String definitionId, DmnDecision decision) {
            this.definitionId = definitionId;
            this.decision = decision;
        }

        Optional<Offence> find(List<String> question) {
            Optional<Offence> known = answers.get(question);
            if (known != null) {
                return known;
            }
            Optional<Offence> answer = evaluate(question);
            if (answers.size() < MAX_ANSWERS) {
                answers.put(question, answer);
            }
            return answer;
        }

        private Optional<Offence> evaluate(List<String> question) {
            Map<String, Object> inputs = new java.util.HashMap<>();
            inputs.put("code", question.get(0));
            inputs.put("article", question.get(1));
            inputs.put("part", question.get(2));
            inputs.put("offenderKind", question.get(3));
            DmnDecisionRuleResult row = dmnEngine.evaluateDecisionTable(decision, Variables.fromMap(inputs))
                    .getFirstResult();
            if (row == null) {
                return Optional.empty();
            }
            return Optional.of(new Offence((String) row.get("offenceTitle"), (String) row.get("offenceTitleKk"),
                    (String) row.get("offenceTitleRu"), decimal(row.get("fineMinMci")),
                    decimal(row.get("fineMaxMci")), Boolean.TRUE.equals(row.get("warningPossible")),
                    decimal(row.get("abbreviatedFineMci"))));
        }
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }
}
