package org.childprotection.intake;

import static org.childprotection.process.ProcessVariables.ADDRESS;
import static org.childprotection.process.ProcessVariables.CASE_NUMBER;
import static org.childprotection.process.ProcessVariables.CHILD_BIRTH_DATE;
import static org.childprotection.process.ProcessVariables.CHILD_ESTIMATED_AGE;
import static org.childprotection.process.ProcessVariables.CHILD_GENDER;
import static org.childprotection.process.ProcessVariables.CHILD_ID_NUMBER;
import static org.childprotection.process.ProcessVariables.CHILD_NAME;
import static org.childprotection.process.ProcessVariables.COMMUNITY;
import static org.childprotection.process.ProcessVariables.DESCRIPTION;
import static org.childprotection.process.ProcessVariables.DISTRICT;
import static org.childprotection.process.ProcessVariables.HOUSEHOLD;
import static org.childprotection.process.ProcessVariables.IMMEDIATE_DANGER;
import static org.childprotection.process.ProcessVariables.REPORTER_NAME;
import static org.childprotection.process.ProcessVariables.REPORTER_PHONE;
import static org.childprotection.process.ProcessVariables.STREET;
import static org.childprotection.process.ProcessVariables.SUSPECTED_CATEGORIES;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.childprotection.api.ApiError.FieldError;
import org.childprotection.config.PlatformIdentity;
import org.childprotection.engine.StepRefused;
import org.childprotection.process.ProcessVariable;
import org.childprotection.process.StepVariables;
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
  static final List<ProcessVariable<?>> FORM_FIELDS = List.of(CHILD_NAME, CHILD_ID_NUMBER,
      CHILD_GENDER, CHILD_BIRTH_DATE, CHILD_ESTIMATED_AGE, HOUSEHOLD, STREET, COMMUNITY, ADDRESS,
      SUSPECTED_CATEGORIES, DESCRIPTION, REPORTER_NAME, REPORTER_PHONE, IMMEDIATE_DANGER);

  /**
   * The report's fields that the start form asks for, by their form field keys: a refusal names
   * the form's field, so that Tasklist shows the reason next to it.
   */
  private static final Map<String, ProcessVariable<?>> FORM_KEYS_BY_REPORT_FIELD = Map.ofEntries(
      Map.entry("reporter.name", REPORTER_NAME), Map.entry("reporter.phone", REPORTER_PHONE),
      Map.entry("child.name", CHILD_NAME), Map.entry("child.idNumber", CHILD_ID_NUMBER),
      Map.entry("child.gender", CHILD_GENDER), Map.entry("child.birthDate", CHILD_BIRTH_DATE),
      Map.entry("child.estimatedAge", CHILD_ESTIMATED_AGE),
      Map.entry("child.household", HOUSEHOLD), Map.entry("location.district", DISTRICT),
      Map.entry("location.street", STREET), Map.entry("location.community", COMMUNITY),
      Map.entry("location.address", ADDRESS));

  private final ReportValidator validator;
  private final IntakeService intake;

  public CaseRegistrationDelegate(ReportValidator validator, IntakeService intake) {
    this.validator = validator;
    this.intake = intake;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    ReportRequest report = fromForm(variables);
    List<FieldError> errors = validator.check(report);
    if (!errors.isEmpty()) {
      throw new StepRefused(errors.stream()
          .map(e -> new FieldError(formKey(e.field()), e.message())).toList());
    }
    IntakeResult opened = intake.openRegisteredInTasklist(report,
        PlatformIdentity.currentUserId(execution));
    variables.remove(FORM_FIELDS);
    variables.set(CASE_NUMBER, opened.caseNumber());
    execution.setProcessBusinessKey(opened.caseNumber());
  }

  /** Empty form fields arrive as "": the report's checks treat them as not given. */
  private static ReportRequest fromForm(StepVariables form) {
    return new ReportRequest(Channel.WALK_IN.name(), null, null,
        new ReportRequest.Reporter(form.answer(REPORTER_NAME), form.answer(REPORTER_PHONE),
            "CASEWORKER", null),
        new ReportRequest.Child(form.answer(CHILD_NAME), form.answer(CHILD_ID_NUMBER),
            form.answer(CHILD_GENDER), form.answer(CHILD_BIRTH_DATE),
            form.get(CHILD_ESTIMATED_AGE), form.answer(HOUSEHOLD)),
        new ReportRequest.Location(form.answer(DISTRICT), form.answer(STREET),
            form.answer(COMMUNITY), form.answer(ADDRESS)),
        form.get(SUSPECTED_CATEGORIES), form.get(IMMEDIATE_DANGER),
        form.answer(DESCRIPTION), null);
  }

  /** The form field a report's field comes from; {@code suspectedCategories[1]} is the list. */
  private static String formKey(String reportField) {
    String field = reportField.replaceFirst("\\[\\d+]$", "");
    ProcessVariable<?> formField = FORM_KEYS_BY_REPORT_FIELD.get(field);
    return formField == null ? field : formField.name();
  }
}
