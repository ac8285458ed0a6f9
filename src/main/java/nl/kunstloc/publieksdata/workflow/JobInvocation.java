package nl.kunstloc.publieksdata.workflow;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;

/**
 * Gives each run of jobs a component invocation of its own: the job executor's threads share the one invocation
 * the contextual proxy captured (ContextualJobExecutor), and Payara records a user transaction on the current
 * invocation (ComponentTransactionManager, docs/adr/0016). Recorded on a shared invocation, one thread's transaction
 * took another thread's connections ("Cannot commit when autoCommit is enabled"). A call of this bean-managed bean is
 * an invocation per call and thread, which may begin user transactions.
 */
@Stateless
@LocalBean
@TransactionManagement(TransactionManagementType.BEAN)
public class JobInvocation {

    public void run(Runnable jobs) {
        jobs.run();
    }
}
