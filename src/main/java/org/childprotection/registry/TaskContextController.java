package org.childprotection.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.childprotection.api.ErrorExample;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What Tasklist shows with a task: its context ({@code GET /api/tasks/{taskId}/context}) and
 * the labels of a page of cards ({@code GET /api/tasks/labels?ids=…}).
 */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "任务", description = "任务旁显示的个案信息，以及任务列表中各任务的标签")
public class TaskContextController {

  private final TaskContextService contexts;
  private final TaskLabels labels;

  public TaskContextController(TaskContextService contexts, TaskLabels labels) {
    this.contexts = contexts;
    this.labels = labels;
  }

  @GetMapping("/{taskId}/context")
  @Operation(summary = "查看任务的个案信息", description = """
      儿童、类别、风险等级及理由、报告、上一步的意见；转介任务还有要求本单位做什么、为什么。\
      成员单位只看到任务所需的信息。每次查看都记入访问记录。""")
  @ErrorExample(status = 404, field = "taskId", message = TaskContextService.NOT_FOUND)
  public TaskContext context(@PathVariable String taskId) {
    return contexts.contextOf(taskId);
  }

  @GetMapping("/labels")
  @Operation(summary = "一页任务的标签（案件编号、儿童姓名、区、风险等级）", description = """
      ids 为逗号分隔的任务 id，最多 100 个；调用者看不到的任务不在答复中。答复以任务 id 为键。""")
  @ErrorExample(status = 400, field = "ids", message = "一次最多查询 100 个任务")
  public Map<String, TaskLabel> labels(@RequestParam(value = "ids", defaultValue = "") String ids) {
    List<String> taskIds = Arrays.stream(ids.split(",")).map(String::trim)
        .filter(id -> !id.isEmpty()).distinct().toList();
    return labels.labelsOf(taskIds);
  }
}
