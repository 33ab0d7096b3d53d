package org.childprotection.guardianship;

import static org.childprotection.process.ProcessVariables.APPLICANT;
import static org.childprotection.process.ProcessVariables.APPLICATION_NUMBER;
import static org.childprotection.process.ProcessVariables.LEGAL_GROUNDS;
import static org.childprotection.process.ProcessVariables.PROCURATORATE_SUPPORT;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.childprotection.court.CourtApplications;
import org.childprotection.process.StepVariables;
import org.childprotection.registry.CaseBinding;
import org.springframework.stereotype.Component;

/**
 * 登记撤销监护人资格申请: files the application with its legal grounds (one or more of the seven
 * situations, as {@link ApplicationDecisionListener} accepted them), the applicant and the
 * procuratorate's support, under a new application number.
 */
@Component("fileApplicationDelegate")
public class FileApplicationDelegate implements JavaDelegate {

  private final CourtApplications applications;
  private final CaseBinding binding;
  private final Clock clock;

  public FileApplicationDelegate(CourtApplications applications, CaseBinding binding,
      Clock clock) {
    this.applications = applications;
    this.binding = binding;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = binding.caseOf(execution).id();
    StepVariables variables = StepVariables.of(execution);
    List<String> grounds = variables.get(LEGAL_GROUNDS);
    String number = applications.file(caseId,
        LocalDate.now(clock).getYear(), "REVOCATION", String.join(",", grounds),
        variables.get(APPLICANT), variables.get(PROCURATORATE_SUPPORT));
    variables.set(APPLICATION_NUMBER, number);
    variables.set(LEGAL_GROUNDS, grounds);
  }
}
