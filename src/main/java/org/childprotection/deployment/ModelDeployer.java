package org.childprotection.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.Resource;

/**
 * Deploys the models so that a restart without changes creates no new versions, a changed model
 * creates exactly one new version of itself, and every process still finds its forms.
 *
 * <p>Forms are referenced with {@code camunda:formRefBinding="deployment"}: a process only sees
 * the forms deployed together with it, which keeps running instances on the forms they started
 * with. So a changed process is deployed with the forms it references, and a changed form with
 * the processes that reference it; everything else stays as it is. The engine's duplicate
 * filter, under its deployment lock, then drops a deployment that another node already made.
 */
public class ModelDeployer {

  private final RepositoryService repository;
  private final String deploymentName;

  public ModelDeployer(RepositoryService repository, String deploymentName) {
    this.repository = repository;
    this.deploymentName = deploymentName;
  }

  /** Deploys what changed; returns the new deployment, or empty when nothing changed. */
  public Optional<Deployment> deploy(Collection<ModelResource> resources) {
    Map<String, ModelResource> toDeploy = withTheirCounterparts(changed(resources), resources);
    if (toDeploy.isEmpty()) {
      return Optional.empty();
    }
    DeploymentBuilder builder = repository.createDeployment()
        .name(deploymentName)
        .source(deploymentName)
        .enableDuplicateFiltering(false);
    toDeploy.values().forEach(r -> builder.addInputStream(r.name(), stream(r.content())));
    Deployment deployment = builder.deployWithResult();
    return deployment == null ? Optional.empty() : Optional.of(deployment);
  }

  private Map<String, ModelResource> changed(Collection<ModelResource> resources) {
    Map<String, byte[]> deployed = latestDeployedContent();
    Map<String, ModelResource> changed = new LinkedHashMap<>();
    for (ModelResource resource : resources) {
      byte[] previous = deployed.get(resource.name());
      if (previous == null || !resource.sameContentAs(previous)) {
        changed.put(resource.name(), resource);
      }
    }
    return changed;
  }

  /** Adds the forms of every changed process, and the processes of every changed form. */
  private static Map<String, ModelResource> withTheirCounterparts(
      Map<String, ModelResource> changed, Collection<ModelResource> all) {
    Map<String, ModelResource> formsById = new HashMap<>();
    all.stream().filter(ModelResource::isForm).forEach(f -> formsById.put(f.formId(), f));

    Map<String, ModelResource> result = new LinkedHashMap<>(changed);
    for (ModelResource process : all) {
      if (!process.isProcess()) {
        continue;
      }
      boolean usesChangedForm = process.referencedFormIds().stream()
          .map(formsById::get)
          .anyMatch(form -> form != null && changed.containsKey(form.name()));
      if (changed.containsKey(process.name()) || usesChangedForm) {
        result.put(process.name(), process);
        process.referencedFormIds().stream()
            .map(formsById::get)
            .filter(form -> form != null)
            .forEach(form -> result.put(form.name(), form));
      }
    }
    return result;
  }

  /** For each resource name, its content in the newest deployment of ours that holds it. */
  private Map<String, byte[]> latestDeployedContent() {
    Map<String, byte[]> content = new HashMap<>();
    List<Deployment> deployments = repository.createDeploymentQuery()
        .deploymentName(deploymentName)
        .orderByDeploymentTime().desc()
        .list();
    for (Deployment deployment : deployments) {
      for (Resource resource : repository.getDeploymentResources(deployment.getId())) {
        if (!content.containsKey(resource.getName())) {
          content.put(resource.getName(), read(deployment.getId(), resource.getName()));
        }
      }
    }
    return content;
  }

  private byte[] read(String deploymentId, String resourceName) {
    try (InputStream in = repository.getResourceAsStream(deploymentId, resourceName)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream stream(byte[] content) {
    return new ByteArrayInputStream(content);
  }
}
