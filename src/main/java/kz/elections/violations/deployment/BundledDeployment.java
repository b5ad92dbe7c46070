package kz.elections.violations.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deploys the bundled processes, decisions and forms at start-up, by one rule, so that a restart
 * never puts the jar's older file back over an administrator's revision:
 *
 * <ol>
 * <li>a file whose content equals any deployed version of its definition is not deployed again
 * (no duplicate versions, whatever the path the application runs from);</li>
 * <li>a file whose definition was never deployed is deployed;</li>
 * <li>a changed file is deployed when the newest deployed version came from the bundle itself, or
 * when its {@code versionTag} is higher than the newest version's (a release that brings a newer
 * revision);</li>
 * <li>otherwise an administrator's deployment is newer: the bundled file is not deployed, and the
 * log says so. Forms carry no version tag, so for them only rule 3's first half applies.</li>
 * </ol>
 */
@Component
public class BundledDeployment implements SmartInitializingSingleton {

    public static final String SOURCE = "election-violations-bundle";
    public static final String DEPLOYMENT_NAME = "election-violations";
    private static final Logger LOG = LoggerFactory.getLogger(BundledDeployment.class);

    private final RepositoryService repositoryService;
    private final BundledResources bundledResources;
    private final JdbcTemplate jdbc;
    private final FutureTask<String> startUpDeployment;

    /**
     * The start-up's deployment begins here, in a thread of its own, as soon as the engine is there,
     * while the rest of the application is set up; it is awaited before the application starts.
     */
    public BundledDeployment(RepositoryService repositoryService, BundledResources bundledResources, JdbcTemplate jdbc) {
        this.repositoryService = repositoryService;
        this.bundledResources = bundledResources;
        this.jdbc = jdbc;
        this.startUpDeployment = new FutureTask<>(() -> deploy(bundledResources.load()));
        Thread thread = new Thread(startUpDeployment, "bundled-deployment");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            startUpDeployment.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("the bundled deployment failed", failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the bundled files were deployed", interrupted);
        }
    }

    /** @return the id of the new deployment, or null when nothing needed deploying */
    public String deploy(List<BundledResource> resources) {
        DeploymentBuilder builder = repositoryService.createDeployment().name(DEPLOYMENT_NAME).source(SOURCE);
        List<String> deployed = new ArrayList<>();
        for (BundledResource resource : resources) {
            String reason = reasonToDeploy(resource);
            if (reason != null) {
                LOG.info("Deploying {} ({})", resource.name(), reason);
                builder.addInputStream(resource.name(), new java.io.ByteArrayInputStream(resource.content()));
                deployed.add(resource.name());
            }
        }
        if (deployed.isEmpty()) {
            return null;
        }
        return builder.deployWithResult().getId();
    }

    /** The reason to deploy the resource, or null to leave the deployed versions as they are. */
    String reasonToDeploy(BundledResource resource) {
        List<DeployedVersion> versions = deployedVersions(resource);
        if (versions.isEmpty()) {
            return "new";
        }
        for (DeployedVersion version : versions) {
            if (Arrays.equals(resource.content(), content(version))) {
                return null;
            }
        }
        DeployedVersion newest = versions.stream().max(Comparator.comparingInt(DeployedVersion::version)).get();
        Deployment deployment = repositoryService.createDeploymentQuery().deploymentId(newest.deploymentId())
                .singleResult();
        if (deployment != null && SOURCE.equals(deployment.getSource())) {
            return "changed since version " + newest.version();
        }
        if (resource.kind() != BundledResource.Kind.FORM
                && VersionTags.compare(resource.versionTag(), newest.versionTag()) > 0) {
            return "version tag " + resource.versionTag() + " is newer than " + newest.versionTag();
        }
        LOG.warn("Not deploying {}: version {} (version tag {}, deployment '{}') was deployed by an administrator "
                        + "and is kept as the newest", resource.name(), newest.version(), newest.versionTag(),
                deployment == null ? newest.deploymentId() : deployment.getName());
        return null;
    }

    private record DeployedVersion(int version, String versionTag, String deploymentId, String resourceName) {
    }

    private List<DeployedVersion> deployedVersions(BundledResource resource) {
        List<DeployedVersion> versions = new ArrayList<>();
        for (String key : resource.keys()) {
            switch (resource.kind()) {
                case PROCESS -> repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).list()
                        .forEach(d -> versions.add(new DeployedVersion(d.getVersion(), d.getVersionTag(),
                                d.getDeploymentId(), d.getResourceName())));
                case DECISION -> repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).list()
                        .forEach(d -> versions.add(new DeployedVersion(d.getVersion(), d.getVersionTag(),
                                d.getDeploymentId(), d.getResourceName())));
                // the engine has no public query for Camunda Forms; read its definition table
                case FORM -> jdbc.query("select VERSION_, DEPLOYMENT_ID_, RESOURCE_NAME_ from ACT_RE_CAMFORMDEF "
                                + "where KEY_ = ?", (row, n) -> new DeployedVersion(row.getInt(1), null,
                                row.getString(2), row.getString(3)), key)
                        .forEach(versions::add);
            }
        }
        return versions;
    }

    private byte[] content(DeployedVersion version) {
        try (InputStream in = repositoryService.getResourceAsStream(version.deploymentId(), version.resourceName())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
