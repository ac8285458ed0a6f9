package nl.kunstloc.publieksdata.workflow;

import jakarta.enterprise.concurrent.ContextService;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;

/**
 * Camunda's job executor, running each job inside the portal's application context. The default
 * executor's threads are plain Java threads: a CDI bean first created on one of them gets no
 * container resources (a {@code @PersistenceContext} stays null), so an asynchronous step could
 * fail after a restart. Here every job runs through a contextual proxy captured at start-up, on the
 * start-up bean's managed thread, which gives it the application's naming and CDI context.
 *
 * <p>Its lock owner is the node's name rather than Camunda's random one, so that the node can find
 * its own locks again after a crash (see NodeJobLocks).
 */
public class ContextualJobExecutor extends DefaultJobExecutor {

    /**
     * Runs a job; the contextual proxy of this interface applies the application context around it.
     * Public, with a public implementation: the proxy's invocation handler calls it reflectively.
     */
    public interface JobRunner {
        void run(Runnable job);
    }

    /** Just runs the job; the proxy around it does the work. */
    public static final class DirectRunner implements JobRunner {
        @Override
        public void run(Runnable job) {
            job.run();
        }
    }

    private final JobRunner runner;

    ContextualJobExecutor(ContextService contextService, String lockOwner) {
        this.runner = contextService.createContextualProxy(new DirectRunner(), JobRunner.class);
        setLockOwner(lockOwner);
    }

    @Override
    public void executeJobs(List<String> jobIds, ProcessEngineImpl processEngine) {
        Runnable jobs = getExecuteJobsRunnable(jobIds, processEngine);
        try {
            threadPoolExecutor.execute(() -> runner.run(jobs));
        } catch (RejectedExecutionException e) {
            logRejectedExecution(processEngine, jobIds.size());
            rejectedJobsHandler.jobsRejected(jobIds, processEngine, this);
        }
    }
}
