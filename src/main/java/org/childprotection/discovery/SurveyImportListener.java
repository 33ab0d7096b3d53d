package org.childprotection.discovery;

import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
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
    Object importId = task.getVariable("importId");
    LedgerImports.LedgerImport found = imports.byId(importId == null ? "" : importId.toString().trim())
        .filter(i -> i.district().equals(task.getTenantId()))
        .orElseThrow(() -> new BadUserRequestException("importId：找不到本区的这次导入，请核对导入编号"));
    if (!"DONE".equals(found.status())) {
      throw new BadUserRequestException("importId：该次导入"
          + ("RUNNING".equals(found.status()) ? "尚未完成，请稍后再提交" : "失败：" + found.failure()));
    }
    task.getExecution().setVariables(Map.of(
        "importId", found.id(),
        "importRowsRead", found.rowsRead(),
        "importAccepted", found.accepted(),
        "importRejected", found.rejected(),
        "importDuplicates", found.duplicates(),
        "importCasesOpened", found.casesOpened()));
  }
}
