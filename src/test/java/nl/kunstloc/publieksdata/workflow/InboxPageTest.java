package nl.kunstloc.publieksdata.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * load: a page of the inbox (and of the overview's attention list) reads the institution and business key of all its
 * tasks in two queries (issue 15); each row must still show what the task itself shows, from the nearest scope.
 */
class InboxPageTest extends ProcessTestSupport {

    Workflow workflow;

    @BeforeEach
    void workflowOnTheTestEngine() {
        WorkflowEngine startup = mock(WorkflowEngine.class);
        when(startup.engine()).thenReturn(engine);
        workflow = new Workflow();
        workflow.engineStartup = startup;
        BpmnModelInstance model = Bpmn.createExecutableProcess("inboxPageTest").name("Inbox page test")
                .camundaHistoryTimeToLive(1)
                .startEvent().userTask("checkTheFile").name("Check the file").camundaCandidateGroups("COORDINATOR")
                .endEvent().done();
        engine.getRepositoryService().createDeployment().addModelInstance("inboxPageTest.bpmn", model).deploy();
    }

    @Test
    void everyRowOfAPageShowsItsOwnInstitutionAndBusinessKeyAsTheTaskItselfDoes() {
        for (int i = 1; i <= 5; i++) {
            engine.getRuntimeService().startProcessInstanceByKey("inboxPageTest", "institution-" + i,
                    Map.of(Workflow.INSTITUTION_ID, (long) i, Workflow.INSTITUTION_NAME, "Theater " + i));
        }
        // one task carries its own, nearer value (a task-local variable wins, as getVariables(taskId) reads it)
        String special = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("institution-3").singleResult().getId();
        engine.getTaskService().setVariableLocal(special, Workflow.INSTITUTION_NAME, "Theater 3 (renamed)");
        // and one instance has no institution at all
        engine.getRuntimeService().startProcessInstanceByKey("inboxPageTest", "no-institution");

        List<WorkTask> page = workflow.inbox(new InboxQuery("coordinator@kunstloc.nl", Set.of("COORDINATOR"),
                InboxQuery.Scope.MINE_AND_GROUPS, null, null, null, InboxQuery.Sort.CREATED, true), 0, 20);

        assertThat(page).hasSize(6);
        for (WorkTask row : page) {
            assertThat(row).as("row of task %s", row.id()).isEqualTo(workflow.task(row.id()).orElseThrow());
        }
        assertThat(page).extracting(WorkTask::businessKey)
                .containsExactlyInAnyOrder("institution-1", "institution-2", "institution-3", "institution-4", "institution-5",
                        "no-institution");
        assertThat(page).filteredOn(t -> "institution-3".equals(t.businessKey())).extracting(WorkTask::institutionName)
                .containsExactly("Theater 3 (renamed)");
        assertThat(page).filteredOn(t -> "no-institution".equals(t.businessKey())).extracting(WorkTask::institutionId)
                .containsOnlyNulls();
        assertThat(page).filteredOn(t -> "institution-5".equals(t.businessKey())).extracting(WorkTask::institutionId)
                .containsExactly(5L);
    }
}
