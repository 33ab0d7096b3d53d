package org.childprotection.intake;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.childprotection.api.ApiError.FieldError;
import org.childprotection.engine.PlatformIdentity;
import org.childprotection.engine.StepRefused;
import org.childprotection.engine.VariableValues;
import org.springframework.stereotype.Component;

/**
 * 登记新个案 (process {@code case-registration}, start form {@code open-case}): the only way a
 * caseworker opens a case from Tasklist. The form's answers are untrusted input, checked like a
 * report's; the case is registered the same way and its process ({@code child-protection-case})
 * is started by the platform, which users may not start themselves. The registration keeps the
 * case number as business key and variable, and none of the child's personal data.
 */
@Component("caseRegistrationDelegate")
public class CaseRegistrationDelegate implements JavaDelegate {

  /** The start form's fields: personal data that belong in the registry, not in variables. */
  static final List<String> FORM_FIELDS = List.of("childName", "childIdNumber", "childGender",
      "childBirthDate", "childEstimatedAge", "household", "street", "community", "address",
      "suspectedCategories", "description", "reporterName", "reporterPhone", "immediateDanger");

  private final ReportValidator validator;
  private final IntakeService intake;

  public CaseRegistrationDelegate(ReportValidator validator, IntakeService intake) {
    this.validator = validator;
    this.intake = intake;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReportRequest report = fromForm(execution);
    List<FieldError> errors = validator.check(report);
    if (!errors.isEmpty()) {
      FieldError first = errors.get(0);
      throw new StepRefused(first.field(), errors.stream()
          .map(e -> (e == first ? "" : e.field() + "：") + e.message())
          .collect(Collectors.joining("；")));
    }
    IntakeResult opened = intake.openRegisteredInTasklist(report,
        PlatformIdentity.currentUserId(execution));
    execution.removeVariables(FORM_FIELDS);
    execution.setVariable("caseNumber", opened.caseNumber());
    execution.setProcessBusinessKey(opened.caseNumber());
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
