package org.childprotection.assessment;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers of the family guardianship, risk and needs instruments that the model of SPEC 4a
 * scores. Each component name is also the name of its process variable and form field.
 */
public record AssessmentAnswers(
    boolean injuryToPrivateParts,
    boolean sexualHarmOrPregnancy,
    boolean multipleInjuriesOrSevereMalnutrition,
    boolean disabilityOrDeathFromAbnormalCause,
    boolean abandonedOrLongWithoutCare,
    boolean unknownOriginMissingOrTrafficked,
    boolean organisedBegging,
    boolean imminentDanger,
    boolean harmInProgress,
    boolean withoutCare,
    boolean livingAlone,
    int childAge,
    GuardianHarm guardianHarm,
    boolean guardianIncapacity,
    boolean refusesToEntrustCare,
    boolean singleParent,
    boolean disabilityOrSeriousIllness,
    boolean mentalOrBehaviourProblems,
    IncomeLevel income,
    boolean housingHazards,
    boolean separatedFromParentsOver12Months,
    boolean noOtherAbleGuardian,
    boolean noContactWithSchoolOrCommunity,
    boolean eligibleForAidButNotReceiving) {

  /** An unanswered question must not add risk, so it counts as the lowest answer. */
  public AssessmentAnswers {
    if (childAge < 0) {
      throw new IllegalArgumentException("childAge must not be negative: " + childAge);
    }
    guardianHarm = guardianHarm == null ? GuardianHarm.NONE : guardianHarm;
    income = income == null ? IncomeLevel.ADEQUATE : income;
  }

  /**
   * Reads the answers from process variables. Forms and the REST API deliver booleans and
   * numbers as strings as often as typed values, so both are accepted.
   *
   * @throws IllegalArgumentException when childAge is missing or a value cannot be read
   */
  public static AssessmentAnswers fromVariables(Map<String, Object> variables) {
    RecordComponent[] components = AssessmentAnswers.class.getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = read(components[i], variables.get(components[i].getName()));
    }
    try {
      return canonicalConstructor(components).newInstance(values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The reverse of {@link #fromVariables}: booleans, the age as an int, enums by name. */
  public Map<String, Object> toVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (RecordComponent component : AssessmentAnswers.class.getRecordComponents()) {
      try {
        Object value = component.getAccessor().invoke(this);
        variables.put(component.getName(), value instanceof Enum<?> e ? e.name() : value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return variables;
  }

  private static Constructor<AssessmentAnswers> canonicalConstructor(RecordComponent[] components)
      throws NoSuchMethodException {
    Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType)
        .toArray(Class<?>[]::new);
    return AssessmentAnswers.class.getDeclaredConstructor(types);
  }

  private static Object read(RecordComponent component, Object value) {
    String name = component.getName();
    Class<?> type = component.getType();
    Object given = value instanceof String s && s.isBlank() ? null : value;
    if (type == boolean.class) {
      return readBoolean(name, given);
    }
    if (type == int.class) {
      return readInt(name, given);
    }
    return readEnum(name, type, given);
  }

  private static boolean readBoolean(String name, Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = value.toString().trim();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new IllegalArgumentException(name + " must be true or false, not '" + value + "'");
  }

  private static int readInt(String name, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is missing");
    }
    try {
      return new BigDecimal(value.toString().trim()).intValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
    }
  }

  private static Object readEnum(String name, Class<?> type, Object value) {
    if (value == null || type.isInstance(value)) {
      return value;
    }
    String text = value.toString().trim();
    return Arrays.stream(type.getEnumConstants())
        .filter(constant -> ((Enum<?>) constant).name().equals(text))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(name + " must be one of "
            + Arrays.toString(type.getEnumConstants()) + ", not '" + value + "'"));
  }
}
