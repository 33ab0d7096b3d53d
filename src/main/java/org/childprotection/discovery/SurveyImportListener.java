package org.childprotection.discovery;

import static org.childprotection.process.ProcessVariables.IMPORT_ACCEPTED;
import static org.childprotection.process.ProcessVariables.IMPORT_CASES_OPENED;
import static org.childprotection.process.ProcessVariables.IMPORT_DUPLICATES;
import static org.childprotection.process.ProcessVariables.IMPORT_ID;
import static org.childprotection.process.ProcessVariables.IMPORT_REJECTED;
import static org.childprotection.process.ProcessVariables.IMPORT_ROWS_READ;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.childprotection.process.StepVariables;
import org.springframework.stereotype.Component;

/**
 * 上传基础台帐 done: the import named on the form must be this district's and finished; its
 * counts go to the reviewer.
 */
@Component("surveyImportListener")
public class SurveyImportListener implements TaskListener {

  private final LedgerImports imports;

  public SurveyImportListener(LedgerImports imports) {
    this.imports = imports;
  }

  @Override
  public void notify(DelegateTask task) {
    StepVariables variables = StepVariables.of(task);
    String importId = variables.answer(IMPORT_ID);
    LedgerImports.LedgerImport found = imports.byId(importId == null ? "" : importId)
        .filter(i -> i.district().equals(task.getTenantId()))
        .orElseThrow(() -> new BadUserRequestException("importId：找不到本区的这次导入，请核对导入编号"));
    if (!"DONE".equals(found.status())) {
      throw new BadUserRequestException("importId：该次导入"
          + ("RUNNING".equals(found.status()) ? "尚未完成，请稍后再提交" : "失败：" + found.failure()));
    }
    Map<String, Object> counts = new HashMap<>();
    IMPORT_ID.putInto(counts, found.id());
    IMPORT_ROWS_READ.putInto(counts, found.rowsRead());
    IMPORT_ACCEPTED.putInto(counts, found.accepted());
    IMPORT_REJECTED.putInto(counts, found.rejected());
    IMPORT_DUPLICATES.putInto(counts, found.duplicates());
    IMPORT_CASES_OPENED.putInto(counts, found.casesOpened());
    variables.setAll(counts);
  }
}
