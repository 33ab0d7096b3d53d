package org.childprotection.intake;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.childprotection.api.ApiError.FieldError;
import org.childprotection.engine.PlatformIdentity;
import org.childprotection.engine.VariableValues;
import org.springframework.stereotype.Component;

/**
 * A case a caseworker opens from Tasklist (start form {@code open-case}): the form's answers are
 * checked like a report's and registered the same way, the case number becomes the business
 * key, and the child's personal data leave the process variables for the registry. Cases that
 * arrive as reports are registered by the intake before their process starts, and pass here
 * untouched.
 */
@Component("caseStartListener")
public class CaseStartListener implements ExecutionListener {

  /** The start form's fields: personal data that belong in the registry, not in variables. */
  static final List<String> FORM_FIELDS = List.of("childName", "childIdNumber", "childGender",
      "childBirthDate", "childEstimatedAge", "household", "street", "community", "address",
      "suspectedCategories", "description", "reporterName", "reporterPhone");

  private final ReportValidator validator;
  private final IntakeService intake;

  public CaseStartListener(ReportValidator validator, IntakeService intake) {
    this.validator = validator;
    this.intake = intake;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.hasVariable("caseId")) {
      return;
    }
    ReportRequest report = fromForm(execution);
    List<FieldError> errors = validator.check(report);
    if (!errors.isEmpty()) {
      throw new BadUserRequestException(errors.stream()
          .map(e -> e.field() + "：" + e.message()).collect(Collectors.joining("；")));
    }
    Map<String, Object> variables = intake.registerStartedCase(report,
        PlatformIdentity.currentUserId(execution));
    execution.removeVariables(FORM_FIELDS);
    execution.setVariables(variables);
    execution.setProcessBusinessKey((String) variables.get("caseNumber"));
    intake.linkProcessInstance((Long) variables.get("caseId"), execution.getProcessInstanceId());
  }

  private static ReportRequest fromForm(DelegateExecution execution) {
    Object age = execution.getVariable("childEstimatedAge");
    return new ReportRequest(Channel.WALK_IN.name(), null, null,
        new ReportRequest.Reporter(text(execution, "reporterName"),
            text(execution, "reporterPhone"), "CASEWORKER", null),
        new ReportRequest.Child(text(execution, "childName"), text(execution, "childIdNumber"),
            text(execution, "childGender"), text(execution, "childBirthDate"),
            age instanceof Number n ? Integer.valueOf(n.intValue()) : null,
            text(execution, "household")),
        new ReportRequest.Location(text(execution, "district"), text(execution, "street"),
            text(execution, "community"), text(execution, "address")),
        VariableValues.strings(execution.getVariable("suspectedCategories")),
        Boolean.TRUE.equals(execution.getVariable("immediateDanger")),
        text(execution, "description"), null);
  }

  /** Empty form fields arrive as "": the report's checks treat them as not given. */
  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

}
