package org.childprotection.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code processes/} and {@code forms/} (found with
 * {@code camunda.bpm.deployment-resource-pattern}) when the engine has started, before the job
 * executor and the web server take work.
 */
@Component
public class ModelDeployment implements InitializingBean {

  public static final String DEPLOYMENT_NAME = "minor-protection-platform";

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);

  private final ProcessEngine engine;
  private final String[] patterns;

  public ModelDeployment(ProcessEngine engine, CamundaBpmProperties camunda) {
    this.engine = engine;
    this.patterns = camunda.getDeploymentResourcePattern();
  }

  @Override
  public void afterPropertiesSet() throws IOException {
    List<ModelResource> resources = modelResources();
    new ModelDeployer(engine.getRepositoryService(), DEPLOYMENT_NAME).deploy(resources)
        .ifPresentOrElse(
            d -> LOG.info("Deployed changed models as deployment {} ({} resources scanned)",
                d.getId(), resources.size()),
            () -> LOG.info("Models unchanged ({} resources scanned)", resources.size()));
  }

  private List<ModelResource> modelResources() throws IOException {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<ModelResource> resources = new ArrayList<>();
    for (String pattern : patterns) {
      for (Resource resource : resolver.getResources(pattern)) {
        resources.add(new ModelResource(nameOf(resource), read(resource)));
      }
    }
    return resources;
  }

  /** The path below the classpath root, e.g. {@code processes/child-protection-case.bpmn}. */
  private static String nameOf(Resource resource) throws IOException {
    String url = resource.getURL().toString();
    for (String folder : List.of("/processes/", "/forms/")) {
      int at = url.lastIndexOf(folder);
      if (at >= 0) {
        return url.substring(at + 1);
      }
    }
    return resource.getFilename();
  }

  private static byte[] read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
