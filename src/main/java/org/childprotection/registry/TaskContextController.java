package org.childprotection.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
public class TaskContextController {

  private final TaskContextService contexts;
  private final TaskLabels labels;

  public TaskContextController(TaskContextService contexts, TaskLabels labels) {
    this.contexts = contexts;
    this.labels = labels;
  }

  @GetMapping("/{taskId}/context")
  public TaskContext context(@PathVariable String taskId) {
    return contexts.contextOf(taskId);
  }

  @GetMapping("/labels")
  public Map<String, TaskLabel> labels(@RequestParam(value = "ids", defaultValue = "") String ids) {
    List<String> taskIds = Arrays.stream(ids.split(",")).map(String::trim)
        .filter(id -> !id.isEmpty()).distinct().toList();
    return labels.labelsOf(taskIds);
  }
}
