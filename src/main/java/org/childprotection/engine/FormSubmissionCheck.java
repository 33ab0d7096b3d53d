package org.childprotection.engine;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.childprotection.api.ApiError.FieldError;
import org.childprotection.form.FormAnswerCheck;
import org.childprotection.form.FormSchema;
import org.springframework.stereotype.Component;

/**
 * Checks a submitted task form or start form against the Camunda Form the task or start event
 * shows: the deployed version its instance uses ({@code formRefBinding="deployment"}), not the
 * app's current file. Whoever submits (Tasklist, the engine REST API, Java), the answers are
 * checked by {@link FormAnswerCheck} and refused all at once with a {@link StepRefused}, before
 * anything of them is kept. Deployed forms never change, so each is read once.
 */
@Component
public class FormSubmissionCheck {

  private final Clock clock;
  private final Map<String, FormSchema> schemasByFormDefinitionId = new ConcurrentHashMap<>();

  public FormSubmissionCheck(Clock clock) {
    this.clock = clock;
  }

  /** A task being completed: its answers are the variables it sees. */
  public void verify(DelegateTask task) {
    TaskEntity entity = (TaskEntity) task;
    verify(entity.getTaskDefinition().getTaskFormHandler().createTaskForm(entity), task);
  }

  /** A process instance started with its start form: the answers are its variables. */
  public void verify(DelegateExecution start) {
    ProcessDefinitionEntity definition = ((ExecutionEntity) start).getProcessDefinition();
    verify(definition.getStartFormHandler().createStartFormData(definition), start);
  }

  private void verify(FormData form, VariableScope answers) {
    CamundaFormRef reference = form.getCamundaFormRef();
    if (reference == null) {
      return;
    }
    List<FieldError> problems = FormAnswerCheck.problems(
        schema(reference, form.getDeploymentId()), answers::getVariable, LocalDate.now(clock));
    if (!problems.isEmpty()) {
      throw new StepRefused(problems);
    }
  }

  private FormSchema schema(CamundaFormRef reference, String deploymentId) {
    CommandContext command = Context.getCommandContext();
    CamundaFormDefinition definition =
        new GetCamundaFormDefinitionCmd(reference, deploymentId).execute(command);
    if (definition == null) {
      throw new IllegalStateException("The form " + reference.getKey()
          + " is not deployed with deployment " + deploymentId);
    }
    FormSchema schema = schemasByFormDefinitionId.get(definition.getId());
    if (schema == null) {
      // Read outside the map's lock: two threads may both read a form once, nothing worse.
      schema = FormSchema.parse(command.getResourceManager()
          .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(),
              definition.getResourceName()).getBytes());
      schemasByFormDefinitionId.putIfAbsent(definition.getId(), schema);
    }
    return schema;
  }
}
