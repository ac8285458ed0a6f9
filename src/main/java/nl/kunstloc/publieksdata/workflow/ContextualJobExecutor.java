package nl.kunstloc.publieksdata.workflow;

import jakarta.enterprise.concurrent.ContextService;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobsRunnable;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;

/**
 * Camunda's job executor, running each job inside the portal's application context. The default
 * executor's threads are plain Java threads: a CDI bean first created on one of them gets no
 * container resources (a {@code @PersistenceContext} stays null), so an asynchronous step could
 * fail after a restart. Here every job runs through a contextual proxy captured at start-up, on the
 * start-up bean's managed thread, which gives it the application's naming and CDI context, and inside it through
 * {@link JobInvocation}, which gives each run an EJB invocation of its own (its transactions are enlisted there).
 *
 * <p>Its lock owner is the node's name rather than Camunda's random one, so that the node can find
 * its own locks again after a crash (see NodeJobLocks).
 *
 * <p>It knows which jobs it holds (handed to it and not yet finished, {@link #heldJobs()}): a job whose failure
 * could not be written because the database was gone keeps its lock for five minutes although nothing runs it;
 * {@link NodeJobLocks#releaseOrphaned} frees such locks once the database is back (issue 15).
 */
public class ContextualJobExecutor extends DefaultJobExecutor {

    /**
     * Runs a job; the contextual proxy of this interface applies the application context around it.
     * Public, with a public implementation: the proxy's invocation handler calls it reflectively.
     */
    public interface JobRunner {
        void run(Runnable job);
    }

    /**
     * Runs the jobs through {@link JobInvocation}: the proxy around it gives the application's context, the bean an
     * invocation of this thread's own, in which the engine's transactions are enlisted (docs/adr/0016).
     */
    public static final class InvocationRunner implements JobRunner {
        private final JobInvocation invocation;

        public InvocationRunner(JobInvocation invocation) {
            this.invocation = invocation;
        }

        @Override
        public void run(Runnable job) {
            invocation.run(job);
        }
    }

    private final JobRunner runner;
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    ContextualJobExecutor(ContextService contextService, JobInvocation invocation, String lockOwner) {
        this.runner = contextService.createContextualProxy(new InvocationRunner(invocation), JobRunner.class);
        setLockOwner(lockOwner);
    }

    @Override
    public void executeJobs(List<String> jobIds, ProcessEngineImpl processEngine) {
        held.addAll(jobIds);
        Runnable jobs = getExecuteJobsRunnable(jobIds, processEngine);
        try {
            threadPoolExecutor.execute(() -> {
                try {
                    runner.run(jobs);
                } finally {
                    jobIds.forEach(held::remove);
                }
            });
        } catch (RejectedExecutionException e) {
            jobIds.forEach(held::remove);
            logRejectedExecution(processEngine, jobIds.size());
            rejectedJobsHandler.jobsRejected(jobIds, processEngine, this);
        }
    }

    /** Also counts the jobs Camunda runs next in the same thread (an exclusive job of the same instance). */
    @Override
    public Runnable getExecuteJobsRunnable(List<String> jobIds, ProcessEngineImpl processEngine) {
        return new ExecuteJobsRunnable(jobIds, processEngine) {
            @Override
            protected void executeJob(String jobId, CommandExecutor commandExecutor, JobFailureCollector failures) {
                boolean added = held.add(jobId);
                try {
                    super.executeJob(jobId, commandExecutor, failures);
                } finally {
                    if (added) {
                        held.remove(jobId);
                    }
                }
            }
        };
    }

    /** The jobs this node holds now: queued in its executor or running. */
    Set<String> heldJobs() {
        return Set.copyOf(held);
    }
}
