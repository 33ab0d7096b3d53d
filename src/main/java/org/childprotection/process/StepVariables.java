package org.childprotection.process;

import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables as a delegate or listener sees them, read and written by their declarations in
 * {@link ProcessVariables} rather than by name and cast. A task's listener reads what the task
 * sees (the submitted form included) and writes to the task's execution, so that what it
 * decides outlives the task.
 */
public final class StepVariables {

  private final VariableScope reads;
  private final DelegateExecution writes;

  private StepVariables(VariableScope reads, DelegateExecution writes) {
    this.reads = reads;
    this.writes = writes;
  }

  public static StepVariables of(DelegateExecution execution) {
    return new StepVariables(execution, execution);
  }

  public static StepVariables of(DelegateTask task) {
    return new StepVariables(task, task.getExecution());
  }

  /** The variable's value, or null when it is not set (a flag: false). */
  public <T> T get(ProcessVariable<T> variable) {
    return variable.read(reads.getVariable(variable.name()));
  }

  /** The variable's value, or {@code absent} when it is not set. */
  public <T> T get(ProcessVariable<T> variable, T absent) {
    T value = get(variable);
    return value == null ? absent : value;
  }

  /** The value of the step's own variable (its input mapping's), not of an enclosing scope. */
  public <T> T local(ProcessVariable<T> variable) {
    return variable.read(reads.getVariableLocal(variable.name()));
  }

  /** A form's text answer, stripped; null when the field was left empty. */
  public String answer(ProcessVariable<String> variable) {
    String text = get(variable);
    return text == null || text.isBlank() ? null : text.strip();
  }

  public boolean has(ProcessVariable<?> variable) {
    return reads.getVariable(variable.name()) != null;
  }

  /** The value as it is stored, unread: for checks that compare it with the registry's. */
  public Object stored(ProcessVariable<?> variable) {
    return reads.getVariable(variable.name());
  }

  /** Every variable the step sees, by name: for instruments whose answers are read together. */
  public Map<String, Object> all() {
    return reads.getVariables();
  }

  public <T> void set(ProcessVariable<T> variable, T value) {
    writes.setVariable(variable.name(), variable.write(value));
  }

  /** Writes variables put together with {@link ProcessVariable#putInto}, in one go. */
  public void setAll(Map<String, Object> variables) {
    writes.setVariables(variables);
  }

  /** Writes the variable on the process instance, for the steps of every branch to read. */
  public <T> void setOnInstance(ProcessVariable<T> variable, T value) {
    writes.getProcessInstance().setVariable(variable.name(), variable.write(value));
  }

  public void remove(Collection<ProcessVariable<?>> variables) {
    writes.removeVariables(variables.stream().map(ProcessVariable::name).toList());
  }
}
