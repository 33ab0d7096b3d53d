package org.childprotection.process;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One process variable of the platform's models: its name, how its value is read from what
 * Tasklist, the REST API or the platform stored ({@link VariableValues}), and the form it is
 * stored in. Steps read and write it through {@link StepVariables}; every one the platform's code
 * uses is declared in {@link ProcessVariables}.
 */
public final class ProcessVariable<T> {

  private final String name;
  private final BiFunction<String, Object, T> reader;
  private final Function<T, Object> writer;

  private ProcessVariable(String name, BiFunction<String, Object, T> reader,
      Function<T, Object> writer) {
    this.name = name;
    this.reader = reader;
    this.writer = writer;
  }

  /** Text, stored as it was given. */
  static ProcessVariable<String> text(String name) {
    return new ProcessVariable<>(name, (field, value) -> value == null ? null : value.toString(),
        value -> value);
  }

  /** A yes or no; absent is no. */
  static ProcessVariable<Boolean> flag(String name) {
    return new ProcessVariable<>(name, (field, value) -> VariableValues.yes(value),
        value -> value);
  }

  /** A whole number such as a count, stored as an integer. */
  static ProcessVariable<Integer> count(String name) {
    return new ProcessVariable<>(name, (field, value) -> {
      Long whole = VariableValues.whole(field, value);
      return whole == null ? null : Math.toIntExact(whole);
    }, value -> value);
  }

  /** The id of a registry row, stored as a long. */
  static ProcessVariable<Long> id(String name) {
    return new ProcessVariable<>(name, VariableValues::whole, value -> value);
  }

  /** A day, stored as {@code yyyy-MM-dd} like a form's date field. */
  static ProcessVariable<LocalDate> day(String name) {
    return new ProcessVariable<>(name, VariableValues::day,
        value -> value == null ? null : value.toString());
  }

  /** A moment the engine keeps as a date, such as a timer's due time. */
  static ProcessVariable<Date> time(String name) {
    return new ProcessVariable<>(name, (field, value) -> value instanceof Date d ? d : null,
        value -> value);
  }

  /** A moment with its offset, stored as ISO-8601 text. */
  static ProcessVariable<OffsetDateTime> moment(String name) {
    return new ProcessVariable<>(name,
        (field, value) -> value == null ? null : OffsetDateTime.parse(value.toString()),
        value -> value == null ? null : value.toString());
  }

  /** Codes chosen from a list, stored comma-separated. */
  static ProcessVariable<List<String>> list(String name) {
    return new ProcessVariable<>(name, (field, value) -> VariableValues.strings(value),
        value -> value == null ? null : String.join(",", value));
  }

  /** One code of an enumeration, stored by its name. */
  static <E extends Enum<E>> ProcessVariable<E> code(String name, Class<E> type) {
    return new ProcessVariable<>(name, (field, value) -> VariableValues.code(field, type, value),
        value -> value == null ? null : value.name());
  }

  public String name() {
    return name;
  }

  /** Reads a value of this variable, as a model's expression passes it to a bean. */
  public T read(Object value) {
    return reader.apply(name, value);
  }

  /** Puts the value, in its stored form, among variables that are written together. */
  public void putInto(Map<String, Object> variables, T value) {
    variables.put(name, write(value));
  }

  Object write(T value) {
    return writer.apply(value);
  }

  @Override
  public String toString() {
    return name;
  }
}
