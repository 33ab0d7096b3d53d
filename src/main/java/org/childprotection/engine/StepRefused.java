package org.childprotection.engine;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.childprotection.api.ApiError.FieldError;

/**
 * A step of a process refuses what it was given: a form's answer, or variables that do not fit
 * the case. The message is "field：reason", several of them joined by "；", in Chinese, quoting no
 * value; for a form the field is the form field's key, so that Tasklist can show the reason next
 * to it. Through the REST API a task's or start form's submission refused so is a 400 (the
 * engine's REST API answers a form field's validation failure so) and writes nothing; a job
 * refused so is retried and ends as an incident. {@link CommandFailureLog} keeps the engine from
 * hiding it in a wrapper (as it does for any exception of a task listener).
 */
public class StepRefused extends FormFieldValidationException {

  public StepRefused(String field, String reason) {
    this(List.of(new FieldError(field, reason)));
  }

  /** Refuses for every one of these reasons; the first one's field is the exception's field. */
  public StepRefused(List<FieldError> reasons) {
    super(reasons.get(0).field(), reasons.stream()
        .map(reason -> reason.field() + "：" + reason.message())
        .collect(Collectors.joining("；")));
  }
}
