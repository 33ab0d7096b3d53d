package org.childprotection.engine;

import java.beans.FeatureDescriptor;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;
import org.springframework.context.ApplicationContext;

/**
 * The models' expressions find the platform's own beans (delegates, listeners, and helpers such
 * as {@code deadlines}) before process variables; every other name resolves as Camunda has it,
 * variables first.
 *
 * <p>Camunda looks every identifier up among the variables first. For
 * {@code ${notificationDelegate}} that loads all variables of the execution and of its parents
 * from the database, on every notification job, to find none of that name (the cost is in
 * docs/engine-patches.md). It also let a variable named like a delegate, set through a form or
 * the REST API, stand in for the delegate. {@code ModelBeansTest} checks that no variable of
 * the forms or models is named like a platform bean.
 */
public class PlatformExpressionManager extends SpringExpressionManager {

  private static final String PLATFORM_PACKAGE = "org.childprotection.";

  private final Set<String> platformBeans;

  public PlatformExpressionManager(ApplicationContext context, Map<Object, Object> beans) {
    super(context, beans);
    this.platformBeans = platformBeanNames(context);
  }

  /** The names of the beans whose classes are the platform's own (not Spring's or Camunda's). */
  static Set<String> platformBeanNames(ApplicationContext context) {
    return Arrays.stream(context.getBeanDefinitionNames())
        .filter(name -> {
          Class<?> type = context.getType(name, false);
          return type != null && type.getName().startsWith(PLATFORM_PACKAGE);
        })
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new PlatformBeanResolver());
    resolver.add(super.createElResolver());
    return resolver;
  }

  /** Resolves a top-level identifier that names a platform bean to that bean, read-only. */
  private final class PlatformBeanResolver extends ELResolver {

    private boolean names(Object base, Object property) {
      return base == null && property instanceof String name && platformBeans.contains(name);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (!names(base, property)) {
        return null;
      }
      context.setPropertyResolved(true);
      return applicationContext.getBean((String) property);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      if (!names(base, property)) {
        return null;
      }
      context.setPropertyResolved(true);
      return applicationContext.getType((String) property);
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      if (names(base, property)) {
        throw new PropertyNotWritableException("the platform bean " + property
            + " cannot be assigned by an expression");
      }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      if (!names(base, property)) {
        return false;
      }
      context.setPropertyResolved(true);
      return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
      return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return base == null ? Object.class : null;
    }
  }
}
