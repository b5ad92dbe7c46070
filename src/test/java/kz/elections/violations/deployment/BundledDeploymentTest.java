package kz.elections.violations.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import kz.elections.violations.support.CaseTestSupport;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The start-up deployment rule: no duplicates, stable names, an administrator's revision wins. */
class BundledDeploymentTest extends CaseTestSupport {

    @Autowired
    BundledDeployment bundledDeployment;
    @Autowired
    RepositoryService repositoryService;

    private static BundledResource probe(String key, String versionTag, String taskName) {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="probe">
                  <process id="%s" isExecutable="true" camunda:historyTimeToLive="1" camunda:versionTag="%s">
                    <startEvent id="Start"/><sequenceFlow id="Flow1" sourceRef="Start" targetRef="Task"/>
                    <userTask id="Task" name="%s" camunda:dueDate="P1D"><extensionElements><camunda:taskListener event="complete"
                        expression="${taskCompletionRules.nothingToRecord(task)}"/></extensionElements></userTask><sequenceFlow id="Flow2" sourceRef="Task" targetRef="End"/>
                    <endEvent id="End"/>
                  </process>
                </definitions>
                """.formatted(key, versionTag, taskName);
        return BundledResource.of("processes/" + key + ".bpmn", bpmn.getBytes(StandardCharsets.UTF_8));
    }

    private static BundledResource form(String id, String label) {
        String json = "{\"id\":\"" + id + "\",\"type\":\"default\",\"components\":[{\"type\":\"textfield\","
                + "\"key\":\"x\",\"label\":\"" + label + "\"}]}";
        return BundledResource.of("forms/" + id + ".form", json.getBytes(StandardCharsets.UTF_8));
    }

    private ProcessDefinition latest(String key) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    }

    private void deployAsAdministrator(BundledResource resource) {
        repositoryService.createDeployment().name("modeler").addString(resource.name().replace("processes/", ""),
                new String(resource.content(), StandardCharsets.UTF_8)).deploy();
    }

    @Test
    void theApplicationsOwnFilesAreDeployedUnderStableNames() {
        Deployment bundle = repositoryService.createDeploymentQuery().deploymentSource(BundledDeployment.SOURCE)
                .orderByDeploymentTime().asc().list().get(0);
        assertThat(repositoryService.getDeploymentResourceNames(bundle.getId())).contains(
                "processes/violation-case.bpmn", "processes/case-follow-up.dmn", "processes/offence-catalogue.dmn",
                "forms/register-fact.form", "forms/check-fact.form", "forms/cancel-registration.form");
        // a second start-up with the same files deploys nothing
        assertThat(bundledDeployment.deploy(new BundledResources().load())).isNull();
        assertThat(BundledResources.stableName(
                "jar:file:/opt/app.jar!/BOOT-INF/classes!/processes/violation-case.bpmn"))
                .isEqualTo("processes/violation-case.bpmn");
        assertThat(BundledResources.stableName("file:/home/me/clone/target/classes/forms/check-fact.form"))
                .isEqualTo("forms/check-fact.form");
    }

    @Test
    void unchangedFilesAreNotDeployedTwiceAndChangedOnesBecomeTheNextVersion() {
        assertThat(bundledDeployment.deploy(List.of(probe("BundleProbeA", "1.0.0", "Check")))).isNotNull();
        assertThat(bundledDeployment.deploy(List.of(probe("BundleProbeA", "1.0.0", "Check")))).isNull();
        assertThat(latest("BundleProbeA").getVersion()).isEqualTo(1);
        assertThat(bundledDeployment.deploy(List.of(probe("BundleProbeA", "1.0.1", "Check twice")))).isNotNull();
        assertThat(latest("BundleProbeA").getVersion()).isEqualTo(2);
        // going back to a content deployed before adds nothing
        assertThat(bundledDeployment.deploy(List.of(probe("BundleProbeA", "1.0.0", "Check")))).isNull();
    }

    @Test
    void anAdministratorsRevisionIsNeverReplacedByAnOlderBundledFile() {
        bundledDeployment.deploy(List.of(probe("BundleProbeB", "1.0.0", "Check")));
        deployAsAdministrator(probe("BundleProbeB", "1.1.0", "Check by the administrator"));
        ProcessDefinition adminRevision = latest("BundleProbeB");
        assertThat(adminRevision.getVersion()).isEqualTo(2);

        // a restart with the jar's file, or with a changed file of the same or a lower version tag
        assertThat(bundledDeployment.deploy(List.of(probe("BundleProbeB", "1.0.0", "Check")))).isNull();
        assertThat(bundledDeployment.deploy(List.of(probe("BundleProbeB", "1.0.5", "Check again")))).isNull();
        assertThat(bundledDeployment.deploy(List.of(probe("BundleProbeB", "1.1.0", "Check again")))).isNull();
        assertThat(latest("BundleProbeB").getId()).isEqualTo(adminRevision.getId());

        // a release that brings a higher version tag is deployed
        assertThat(bundledDeployment.deploy(List.of(probe("BundleProbeB", "2.0.0", "Check, release 2")))).isNotNull();
        assertThat(latest("BundleProbeB").getVersionTag()).isEqualTo("2.0.0");
    }

    @Test
    void formsFollowTheSameRuleByTheirId() {
        assertThat(bundledDeployment.deploy(List.of(form("bundle-probe-form", "One")))).isNotNull();
        assertThat(bundledDeployment.deploy(List.of(form("bundle-probe-form", "One")))).isNull();
        assertThat(bundledDeployment.deploy(List.of(form("bundle-probe-form", "Two")))).isNotNull();
        repositoryService.createDeployment().name("modeler").addString("bundle-probe-form.form",
                new String(form("bundle-probe-form", "Admin's").content(), StandardCharsets.UTF_8)).deploy();
        assertThat(bundledDeployment.deploy(List.of(form("bundle-probe-form", "Three")))).isNull();
    }

    @Test
    void versionTagsCompareNumerically() {
        assertThat(VersionTags.compare("1.10.0", "1.9.3")).isPositive();
        assertThat(VersionTags.compare("1.0", "1.0.0")).isZero();
        assertThat(VersionTags.compare(null, "0.1")).isNegative();
        assertThat(VersionTags.compare("2.0.0", null)).isPositive();
    }
}
