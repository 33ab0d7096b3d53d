package org.childprotection.security;

import jakarta.ws.rs.core.Application;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every endpoint the running app serves, read from the code that serves them: the JAX-RS
 * resources of the engine REST API and of the webapps (walked through their sub-resources), and
 * every Spring MVC and actuator mapping. Path parameters are filled with a dummy value.
 */
final class Endpoints {

  record Endpoint(String method, String path) {}

  private static final int MAX_DEPTH = 4;

  private Endpoints() {}

  static Set<Endpoint> jaxRs(String prefix, Collection<Class<?>> rootResources) {
    Set<Endpoint> endpoints = new LinkedHashSet<>();
    for (Class<?> type : rootResources) {
      Resource resource = Resource.from(type);
      if (resource != null) {
        walk(resource, prefix, endpoints, 0);
      }
    }
    return endpoints;
  }

  static Set<Endpoint> jaxRs(String prefix, Application application) {
    List<Class<?>> classes = new ArrayList<>(application.getClasses());
    application.getSingletons().forEach(s -> classes.add(s.getClass()));
    return jaxRs(prefix, classes);
  }

  static Set<Endpoint> springMvc(ApplicationContext context) {
    Set<Endpoint> endpoints = new LinkedHashSet<>();
    for (RequestMappingInfoHandlerMapping mapping
        : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        Set<String> methods = new LinkedHashSet<>();
        info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
        if (methods.isEmpty()) {
          methods.addAll(List.of("GET", "POST"));
        }
        for (String pattern : info.getPatternValues()) {
          methods.forEach(m -> endpoints.add(new Endpoint(m, fill(pattern))));
        }
      }
    }
    return endpoints;
  }

  private static void walk(Resource resource, String prefix, Set<Endpoint> out, int depth) {
    String path = join(prefix, resource.getPath());
    for (ResourceMethod method : resource.getResourceMethods()) {
      out.add(new Endpoint(method.getHttpMethod(), fill(path)));
    }
    for (Resource child : resource.getChildResources()) {
      walk(child, path, out, depth);
    }
    ResourceMethod locator = resource.getResourceLocator();
    if (locator != null && depth < MAX_DEPTH) {
      Method handler = locator.getInvocable().getHandlingMethod();
      Resource sub = Resource.builder(handler.getReturnType()).build();
      walk(sub, path, out, depth + 1);
    }
  }

  private static String join(String prefix, String path) {
    if (path == null || path.isEmpty()) {
      return prefix;
    }
    return (prefix + "/" + path).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
  }

  /** Fills {name} and {name: regex} with a value any such parameter accepts. */
  static String fill(String pattern) {
    return pattern.replaceAll("\\{[^}/]*(\\{[^}]*\\}[^}/]*)*\\}", "x1")
        .replace("/**", "/x1").replace("/*", "/x1");
  }
}
