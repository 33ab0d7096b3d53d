package org.childprotection.engine;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A step of a process refuses what it was given: a form's answer, or variables that do not fit
 * the case. The message is "field：reason", in Chinese, and quotes no value. Through the REST API
 * a task's or start form's submission refused so is a 400 (the engine's REST API answers a form
 * field's validation failure so) and writes nothing; a job refused so is retried and ends as an
 * incident. {@link CommandFailureLog} keeps the engine from hiding it in a wrapper (as it does
 * for any exception of a task listener).
 */
public class StepRefused extends FormFieldValidationException {

  public StepRefused(String field, String reason) {
    super(field, field + "：" + reason);
  }
}
