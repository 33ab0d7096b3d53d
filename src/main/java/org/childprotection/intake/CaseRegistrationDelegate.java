package org.childprotection.intake;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.childprotection.api.ApiError.FieldError;
import org.childprotection.config.PlatformIdentity;
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

  /**
   * The report's fields that the start form asks for, by their form field keys: a refusal names
   * the form's field, so that Tasklist shows the reason next to it.
   */
  private static final Map<String, String> FORM_KEYS_BY_REPORT_FIELD = Map.ofEntries(
      Map.entry("reporter.name", "reporterName"), Map.entry("reporter.phone", "reporterPhone"),
      Map.entry("child.name", "childName"), Map.entry("child.idNumber", "childIdNumber"),
      Map.entry("child.gender", "childGender"), Map.entry("child.birthDate", "childBirthDate"),
      Map.entry("child.estimatedAge", "childEstimatedAge"),
      Map.entry("child.household", "household"), Map.entry("location.district", "district"),
      Map.entry("location.street", "street"), Map.entry("location.community", "community"),
      Map.entry("location.address", "address"));

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
      throw new StepRefused(errors.stream()
          .map(e -> new FieldError(formKey(e.field()), e.message())).toList());
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

  /** The form field a report's field comes from; {@code suspectedCategories[1]} is the list. */
  private static String formKey(String reportField) {
    String field = reportField.replaceFirst("\\[\\d+]$", "");
    return FORM_KEYS_BY_REPORT_FIELD.getOrDefault(field, field);
  }

  /** Empty form fields arrive as "": the report's checks treat them as not given. */
  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

}
