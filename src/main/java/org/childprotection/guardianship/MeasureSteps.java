package org.childprotection.guardianship;

import static org.childprotection.process.ProcessVariables.ADMONITIONS;
import static org.childprotection.process.ProcessVariables.DISTRICT;
import static org.childprotection.process.ProcessVariables.GUARDIAN_CHANGED;
import static org.childprotection.process.ProcessVariables.MEASURE_AUTHORITY;
import static org.childprotection.process.ProcessVariables.MEASURE_AUTHORITY_GROUP;
import static org.childprotection.process.ProcessVariables.MEASURE_DOCUMENT_NUMBER;
import static org.childprotection.process.ProcessVariables.MEASURE_ID;
import static org.childprotection.process.ProcessVariables.MEASURE_NOTE;
import static org.childprotection.process.ProcessVariables.MEASURE_OUTCOME;
import static org.childprotection.process.ProcessVariables.MEASURE_REQUESTED_BY;
import static org.childprotection.process.ProcessVariables.MEASURE_TYPE;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.childprotection.engine.StepRefused;
import org.childprotection.process.ProcessVariable;
import org.childprotection.process.StepVariables;
import org.childprotection.registry.CaseBinding;
import org.springframework.stereotype.Component;

/**
 * Each lighter measure is taken by the authority the law gives it; 民政 and the protection center
 * ask for it (SPEC 5.2, rev): 告诫书 is the police's (反家庭暴力法 art 16); 训诫 and the order to
 * receive 家庭教育指导 are 公安's, 检察院's or 法院's (家庭教育促进法 art 49); 批评教育 is the police's,
 * 民政's or the center's (村/居委会 act through the district's workers); 家庭教育指导 services are
 * 民政's, 妇联's or 教育's. The task listeners of {@code guardianship-transfer} call these: the
 * request names an authority that may take the measure, the authority's group gets the task, the
 * measure taken goes into the registry, and the visit after it finds whether the guardian
 * changed. After the configured number of unheeded admonitions the guardian "refuses to change".
 */
@Component("measureSteps")
public class MeasureSteps {

  /** Who may take each measure, by authority code. */
  static final Map<String, Set<String>> AUTHORITIES = Map.of(
      "CRITICISM", Set.of("POLICE", "DISTRICT_CIVIL_AFFAIRS", "PROTECTION_CENTER"),
      "WARNING_LETTER", Set.of("POLICE"),
      "REPRIMAND", Set.of("POLICE", "PROCURATORATE", "COURT"),
      "FAMILY_EDUCATION_ORDER", Set.of("POLICE", "PROCURATORATE", "COURT"),
      "FAMILY_EDUCATION", Set.of("DISTRICT_CIVIL_AFFAIRS", "WOMENS_FEDERATION", "EDUCATION"));

  /** The authority's group; the district's own is {@code district-<code>}. */
  private static final Map<String, String> GROUPS = Map.of("POLICE", "police",
      "PROCURATORATE", "procuratorate", "COURT", "court", "PROTECTION_CENTER",
      "protection-center", "WOMENS_FEDERATION", "womens-federation", "EDUCATION", "education");

  private static final Map<String, String> MEASURE_NAMES = Map.of("CRITICISM", "批评教育",
      "WARNING_LETTER", "告诫书", "REPRIMAND", "训诫", "FAMILY_EDUCATION_ORDER",
      "责令接受家庭教育指导", "FAMILY_EDUCATION", "家庭教育指导服务");

  private static final Map<String, String> WHOSE = Map.of(
      "CRITICISM", "由公安机关、民政部门或未成年人保护中心实施",
      "WARNING_LETTER", "由公安机关出具（反家庭暴力法第十六条），民政部门和保护中心可以提请",
      "REPRIMAND", "由公安机关、人民检察院或人民法院作出（家庭教育促进法第四十九条）",
      "FAMILY_EDUCATION_ORDER", "由公安机关、人民检察院或人民法院责令（家庭教育促进法第四十九条）",
      "FAMILY_EDUCATION", "由民政部门、妇联或教育部门提供");

  /** 批评教育, 告诫书, 训诫 admonish; the guidance measures do not. */
  static final Set<String> ADMONISHING = Set.of("CRITICISM", "WARNING_LETTER", "REPRIMAND");

  private final Measures measures;
  private final CaseBinding binding;

  public MeasureSteps(Measures measures, CaseBinding binding) {
    this.measures = measures;
    this.binding = binding;
  }

  /** 提请: the measure and an authority that may take it; the task goes to that group. */
  public void requested(DelegateTask task) {
    StepVariables variables = StepVariables.of(task);
    String authority = variables.get(MEASURE_AUTHORITY);
    check(variables.get(MEASURE_TYPE), authority, MEASURE_AUTHORITY);
    variables.set(MEASURE_AUTHORITY_GROUP, "DISTRICT_CIVIL_AFFAIRS".equals(authority)
        ? "district-" + variables.get(DISTRICT) : GROUPS.get(authority));
    variables.set(MEASURE_REQUESTED_BY, task.getAssignee());
  }

  /** 实施: the authority took the measure (perhaps another within its power) or declined. */
  public void taken(DelegateTask task) {
    StepVariables variables = StepVariables.of(task);
    if (!"TAKEN".equals(variables.get(MEASURE_OUTCOME))) {
      return;
    }
    String type = variables.get(MEASURE_TYPE);
    String authority = variables.get(MEASURE_AUTHORITY);
    check(type, authority, MEASURE_TYPE);
    long id = measures.record(new Measures.Taken(binding.caseOf(task).id(),
        task.getProcessInstanceId(), type, authority, variables.get(MEASURE_REQUESTED_BY),
        variables.get(MEASURE_DOCUMENT_NUMBER), variables.get(MEASURE_NOTE),
        task.getAssignee()));
    variables.set(MEASURE_ID, id);
  }

  /** 查访: whether the guardian changed; an unheeded admonition counts towards refusal. */
  public void visited(DelegateTask task) {
    StepVariables variables = StepVariables.of(task);
    boolean changed = variables.get(GUARDIAN_CHANGED);
    Long id = variables.get(MEASURE_ID);
    if (id != null) {
      measures.guardianChanged(id, binding.caseOf(task).id(), changed);
    }
    int count = variables.get(ADMONITIONS, 0);
    if (!changed && ADMONISHING.contains(String.valueOf(variables.get(MEASURE_TYPE)))) {
      count++;
    }
    variables.set(ADMONITIONS, count);
  }

  private static void check(String type, String authority, ProcessVariable<String> field) {
    Set<String> allowed = type == null ? null : AUTHORITIES.get(type);
    if (allowed == null) {
      throw new StepRefused(MEASURE_TYPE.name(), "请选择干预措施");
    }
    if (authority == null || !allowed.contains(authority)) {
      throw new StepRefused(field.name(), MEASURE_NAMES.get(type) + WHOSE.get(type));
    }
  }
}
