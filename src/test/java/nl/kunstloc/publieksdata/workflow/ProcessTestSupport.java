package nl.kunstloc.publieksdata.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;

/**
 * Base of the *ProcessTest classes: an in-memory engine (src/test/resources/camunda.cfg.xml), a fixed
 * engine clock that tests move forward, Mockito mocks standing in for the delegates, and a few
 * helpers to fire timers and run asynchronous continuations (the job executor is off).
 */
public abstract class ProcessTestSupport {

    /** The moment every test starts at, a Monday morning. */
    protected static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    /** Per test instance: the engine itself is built once per JVM and cached, deployments are per test. */
    @RegisterExtension
    protected final ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

    protected ProcessEngine engine;

    @BeforeEach
    void startClockAndEngine() {
        engine = extension.getProcessEngine();
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(Date.from(T0));
    }

    @AfterEach
    void resetClockAndMocks() {
        ClockUtil.reset();
        Mocks.reset();
    }

    /** Registers a do-nothing delegate under the name a BPMN delegateExpression uses; verify calls on it. */
    protected static JavaDelegate delegate(String name) {
        JavaDelegate delegate = mock(JavaDelegate.class, name);
        Mocks.register(name, delegate);
        return delegate;
    }

    /** A delegate that sets process variables, as the real one will (e.g. the id of what it created). */
    protected static JavaDelegate delegateSetting(String name, Map<String, Object> variables) {
        JavaDelegate delegate = delegate(name);
        try {
            Mockito.doAnswer(call -> {
                DelegateExecution execution = call.getArgument(0);
                execution.setVariables(variables);
                return null;
            }).when(delegate).execute(Mockito.any());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return delegate;
    }

    protected static Date at(Instant instant) {
        return Date.from(instant);
    }

    protected static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Moves the engine clock forward. Timers only fire when a test executes their job. */
    protected static void passTime(Duration duration) {
        ClockUtil.setCurrentTime(Date.from(now().plus(duration)));
    }

    protected static void setClock(Instant moment) {
        ClockUtil.setCurrentTime(Date.from(moment));
    }

    /** The timer job waiting in this activity (a timer event, or a boundary timer of a task). */
    protected Job timer(ProcessInstance pi, String activityId) {
        List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .timers().activityId(activityId).list();
        assertThat(jobs).as("timer at %s", activityId).hasSize(1);
        return jobs.get(0);
    }

    /** Moves the clock to the timer's due date and fires it, as the job executor would. */
    protected void fireTimer(ProcessInstance pi, String activityId) {
        Job job = timer(pi, activityId);
        if (job.getDuedate().after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(job.getDuedate());
        }
        assertThat(engine.getManagementService().createJobQuery().jobId(job.getId()).executable().count())
                .as("timer %s is due", activityId).isEqualTo(1);
        engine.getManagementService().executeJob(job.getId());
    }

    /** Runs the asynchronous continuation the process waits in (camunda:asyncBefore). */
    protected void runAsync(ProcessInstance pi, String activityId) {
        BpmnAwareTests.assertThat(pi).isWaitingAt(activityId);
        Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId(activityId).messages().singleResult();
        assertThat(job).as("async job at %s", activityId).isNotNull();
        engine.getManagementService().executeJob(job.getId());
    }

    /** Completes the one open task with this key, after checking it is there. */
    protected void complete(ProcessInstance pi, String taskKey, Map<String, Object> variables) {
        BpmnAwareTests.assertThat(pi).isWaitingAt(taskKey);
        BpmnAwareTests.complete(task(taskKey, pi), variables);
    }

    protected Task openTask(ProcessInstance pi, String taskKey) {
        return task(taskKey, pi);
    }

    protected void correlate(String message, String businessKey, Map<String, Object> variables) {
        engine.getRuntimeService().createMessageCorrelation(message).processInstanceBusinessKey(businessKey)
                .setVariables(variables).correlate();
    }
}
