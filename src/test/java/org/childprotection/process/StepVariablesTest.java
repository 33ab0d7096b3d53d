package org.childprotection.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.process.ProcessVariables.CUSTODY_SINCE;
import static org.childprotection.process.ProcessVariables.DISTRICT;
import static org.childprotection.process.ProcessVariables.MEASURE_AUTHORITY_GROUP;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A task's listener reads what the task sees and writes to the task's execution. */
@Tag("no-database")
class StepVariablesTest {

  @Test
  void aTasksListenerReadsThroughTheTaskAndWritesToItsExecution() {
    DelegateTask task = mock(DelegateTask.class);
    DelegateExecution execution = mock(DelegateExecution.class);
    DelegateExecution instance = mock(DelegateExecution.class);
    when(task.getExecution()).thenReturn(execution);
    when(execution.getProcessInstance()).thenReturn(instance);
    when(task.getVariable("district")).thenReturn(" qixia");

    StepVariables variables = StepVariables.of(task);
    assertThat(variables.get(DISTRICT)).isEqualTo(" qixia");
    assertThat(variables.answer(DISTRICT)).isEqualTo("qixia");
    assertThat(variables.has(MEASURE_AUTHORITY_GROUP)).isFalse();

    variables.set(MEASURE_AUTHORITY_GROUP, "district-qixia");
    variables.setOnInstance(CUSTODY_SINCE, LocalDate.of(2026, 3, 2));

    verify(execution).setVariable("measureAuthorityGroup", "district-qixia");
    verify(task, never()).setVariable("measureAuthorityGroup", "district-qixia");
    verify(instance).setVariable("custodySince", "2026-03-02");
  }
}
