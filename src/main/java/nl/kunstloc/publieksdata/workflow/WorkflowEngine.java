package nl.kunstloc.publieksdata.workflow;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.transaction.TransactionManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import nl.kunstloc.publieksdata.platform.persistence.DatabaseMigration;
import org.camunda.bpm.container.RuntimeContainerDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.cdi.CdiArtifactFactory;
import org.camunda.bpm.engine.cdi.CdiExpressionManager;
import org.camunda.bpm.engine.cdi.impl.util.BeanManagerLookup;
import org.camunda.bpm.engine.impl.cfg.JakartaTransactionProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.DeploymentBuilder;

/**
 * Starts the Camunda engine once the schema is migrated, and deploys the processes in bpmn/.
 * Unchanged BPMN files are not deployed again (duplicate filtering), so a restart creates no new
 * process versions. The configuration follows docs/adr/0002 (the traps of Camunda 7 on Payara).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WorkflowEngine {

    static final String ENGINE_NAME = "default";
    static final String DEPLOYMENT_NAME = "publieksdata-processes";
    private static final Logger LOG = Logger.getLogger(WorkflowEngine.class.getName());

    @Resource(lookup = DatabaseMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    BeanManager beanManager;

    @Resource
    jakarta.enterprise.concurrent.ContextService contextService;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "publieksdata.demo", defaultValue = "false")
    boolean demo;

    /** Unique per node and the same after a restart: the job executor's lock owner (see NodeJobLocks). */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "publieksdata.node-name")
    Optional<String> nodeName;

    /**
     * reader: the longest the idle job executor sleeps between polls (Camunda's default back-off grows to
     * 60 s, so a delivery uploaded to another node, or one whose hint was lost, waited up to a minute).
     */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "publieksdata.workflow.job-max-wait-ms", defaultValue = "5000")
    long jobMaxWaitMillis;

    /**
     * cluster: whether this node runs workflow jobs (validations, segmentations, reminders, PDFs). A node with
     * {@code false} only serves pages and the API, so that a 1M-row validation never takes the CPU its users wait
     * for; at least one node of the cluster must run jobs (docs/operations.md, "Several nodes").
     */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "publieksdata.workflow.run-jobs", defaultValue = "true")
    boolean runJobs;

    /** How often this node looks for job locks it left behind in a database outage (NodeJobLocks.releaseOrphaned). */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "publieksdata.workflow.orphaned-lock-seconds", defaultValue = "20")
    long orphanedLockSeconds;

    /** cluster: how often this node says it is alive (and looks for dead nodes' jobs), see NodeJobLocks. */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "publieksdata.workflow.heartbeat-seconds", defaultValue = "5")
    long heartbeatSeconds;

    /**
     * cluster: a node not seen this long is dead and the others release its jobs' locks. Well above the heartbeat
     * (at least three of them), so that a slow node is not taken for a dead one.
     */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "publieksdata.workflow.node-expiry-seconds", defaultValue = "30")
    long nodeExpirySeconds;

    @Resource
    TimerService timers;

    /** Each run of jobs in an invocation of its own (see JobInvocation). */
    @jakarta.ejb.EJB
    JobInvocation jobInvocation;

    /** Camunda begins its own transactions with it (see ComponentTransactionManager); this bean manages its own. */
    @Resource
    jakarta.transaction.UserTransaction userTransaction;

    private ProcessEngine engine;
    private JakartaTransactionProcessEngineConfiguration configuration;
    private ContextualJobExecutor jobExecutor;
    private String lockOwner;

    private static final String HEARTBEAT_TIMER = "workflow-node-heartbeat";
    private static final String ORPHANED_LOCKS_TIMER = "orphaned-job-locks";

    @PostConstruct
    void start() {
        // job executor threads have no JNDI context of the application: give the expression manager the bean manager
        BeanManagerLookup.localInstance = beanManager;
        var cfg = new JakartaTransactionProcessEngineConfiguration();
        configuration = cfg;
        cfg.setProcessEngineName(ENGINE_NAME);
        cfg.setDataSource(dataSource);
        cfg.setTransactionManager(new ComponentTransactionManager(transactionManager(), userTransaction));
        cfg.setTransactionsExternallyManaged(true);
        cfg.setDatabaseSchemaUpdate("true");
        cfg.setIdGenerator(new StrongUuidGenerator());
        cfg.setHistory("full");
        // started below, once the locks of this node's previous life are released; in demo mode later still,
        // when the demo data (which runs its jobs itself while it loads) is done (startJobExecutor)
        cfg.setJobExecutorActivate(false);
        lockOwner = NodeJobLocks.lockOwner(nodeName);
        jobExecutor = new ContextualJobExecutor(contextService, jobInvocation, lockOwner);
        jobExecutor.setMaxWait(jobMaxWaitMillis);
        jobExecutor.setWaitTimeInMillis((int) Math.min(jobExecutor.getWaitTimeInMillis(), jobMaxWaitMillis));
        cfg.setJobExecutor(jobExecutor);
        cfg.setJobExecutorDeploymentAware(false);
        cfg.setExpressionManager(new CdiExpressionManager());
        cfg.setArtifactFactory(new CdiArtifactFactory());
        cfg.setJavaSerializationFormatEnabled(false);
        cfg.setDbMetricsReporterActivate(false);
        cfg.setMetricsEnabled(false);
        cfg.setAuthorizationEnabled(false);
        engine = cfg.buildProcessEngine();
        RuntimeContainerDelegate.INSTANCE.get().registerProcessEngine(engine);
        releaseLocksOfPreviousLife(lockOwner);
        startHeartbeat();
        deployProcesses();
        if (!runJobs) {
            LOG.info("This node runs no workflow jobs (publieksdata.workflow.run-jobs=false): validations, segmentations and"
                    + " reminders run on the other nodes of the cluster, of which at least one must run jobs");
        } else if (!demo) {
            startJobExecutor();
        }
        long interval = java.util.concurrent.TimeUnit.SECONDS.toMillis(orphanedLockSeconds);
        timers.createIntervalTimer(interval, interval, new TimerConfig(ORPHANED_LOCKS_TIMER, false));
    }

    /**
     * After a database outage (issue 15): a job that failed while the database was gone could not write its
     * failure and keeps this node's lock; released here, it runs again at once instead of in five minutes.
     */
    /** A bean has one timeout method: the timer's name says which job it is. */
    @Timeout
    void onTimer(jakarta.ejb.Timer timer) {
        if (HEARTBEAT_TIMER.equals(timer.getInfo())) {
            heartbeat();
        } else if (ORPHANED_LOCKS_TIMER.equals(timer.getInfo())) {
            releaseOrphanedLocks();
        }
    }

    void releaseOrphanedLocks() {
        if (engine == null || !jobExecutor.isActive()) {
            return;
        }
        try {
            List<String> released = NodeJobLocks.releaseOrphaned(lockOwner, jobExecutor.heldJobs(),
                    jobExecutor.getLockTimeInMillis(), java.time.Duration.ofSeconds(30), java.time.Instant.now(),
                    dataSource, configuration.getDatabaseTablePrefix());
            if (!released.isEmpty()) {
                LOG.warning(() -> "Job executor lock owner " + lockOwner + ": released the locks of " + released.size()
                        + " job(s) that no thread of this node runs (their failure could not be written, e.g. in a"
                        + " database outage): " + released);
                jobExecutor.jobWasAdded();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.fine(() -> "orphaned job lock check skipped: " + e); // the database is away: next time
        }
    }

    @PreDestroy
    void stop() {
        if (engine != null) {
            RuntimeContainerDelegate.INSTANCE.get().unregisterProcessEngine(engine);
            engine.close();
        }
    }

    /** The running engine; only this package uses it (see Workflow). */
    public ProcessEngine engine() {
        return engine;
    }

    /** Starts the job executor if it is not running (after demo data has loaded), on a node that runs jobs. */
    public void startJobExecutor() {
        var executor = configuration.getJobExecutor();
        if (runJobs && !executor.isActive()) {
            executor.start();
        }
    }

    /** Wakes the engine's job executor, if it runs (see {@link Workflow#hintJobExecutor()}). */
    static void hint(ProcessEngine engine) {
        var executor = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration()).getJobExecutor();
        if (executor.isActive()) {
            executor.jobWasAdded();
        }
    }

    /** The engine runs and, on a node that runs jobs, its job executor takes them. */
    public boolean isRunning() {
        return engine != null && (!runJobs || configuration.getJobExecutor().isActive());
    }

    /** Whether this node runs workflow jobs ({@code publieksdata.workflow.run-jobs}). */
    public boolean runsJobs() {
        return runJobs;
    }

    /** Jobs this node was running when it died run again now, not when their locks expire in five minutes. */
    private void releaseLocksOfPreviousLife(String lockOwner) {
        try {
            int released = NodeJobLocks.releaseHeldBy(lockOwner, dataSource, configuration.getDatabaseTablePrefix());
            LOG.info(() -> "Job executor lock owner " + lockOwner + ": " + released
                    + " job(s) still locked from this node's previous run released");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot release the job locks of " + lockOwner, e);
        }
    }

    /** This node is alive from now on (its row in workflow_node), and says so every heartbeat. */
    private void startHeartbeat() {
        try {
            NodeJobLocks.beat(lockOwner, true, dataSource);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot register node " + lockOwner + " in workflow_node", e);
        }
        long beat = Math.max(1, heartbeatSeconds);
        if (nodeExpirySeconds < 3 * beat) {
            LOG.warning(() -> "publieksdata.workflow.node-expiry-seconds=" + nodeExpirySeconds + " is less than three heartbeats ("
                    + beat + " s): a slow node may be taken for a dead one");
        }
        timers.createIntervalTimer(beat * 1000, beat * 1000, new TimerConfig(HEARTBEAT_TIMER, false));
    }

    /**
     * Every heartbeat: this node is alive; the jobs still locked by nodes that have not been seen for the
     * expiry time (killed, their machine lost, never restarted) are released, and run here or on another living
     * node at the next poll instead of when Camunda's five-minute lock expires.
     */
    void heartbeat() {
        try {
            NodeJobLocks.beat(lockOwner, false, dataSource);
            Map<String, Integer> released = NodeJobLocks.releaseHeldByDeadNodes(lockOwner,
                    Duration.ofSeconds(nodeExpirySeconds), dataSource, configuration.getDatabaseTablePrefix());
            if (!released.isEmpty()) {
                LOG.warning(() -> "Node " + lockOwner + " released the jobs of nodes not seen for " + nodeExpirySeconds
                        + " s: " + released);
                hint(engine);
            }
        } catch (SQLException | RuntimeException e) {
            // the next heartbeat tries again; a failing one must not cancel the timer
            LOG.log(Level.WARNING, "workflow node heartbeat of " + lockOwner + " failed", e);
        }
    }

    private void deployProcesses() {
        List<String> files = bpmnResources();
        if (files.isEmpty()) {
            LOG.warning("No BPMN files found under bpmn/ on the classpath");
            return;
        }
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
                .name(DEPLOYMENT_NAME)
                .enableDuplicateFiltering(true);
        files.forEach(deployment::addClasspathResource);
        var result = deployment.deployWithResult();
        // null, not empty, when duplicate filtering left nothing to deploy: every restart on an existing database
        int deployed = result.getDeployedProcessDefinitions() == null ? 0 : result.getDeployedProcessDefinitions().size();
        LOG.info(() -> "Processes " + files + ": " + deployed + " new or changed definition(s) deployed");
    }

    /** The BPMN files packed from the project's bpmn/ folder (Payara Micro runs the WAR exploded). */
    static List<String> bpmnResources() {
        URL folder = WorkflowEngine.class.getClassLoader().getResource("bpmn");
        if (folder == null) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(Path.of(folder.toURI()))) {
            return paths.map(p -> "bpmn/" + p.getFileName())
                    .filter(name -> name.endsWith(".bpmn"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | java.nio.file.FileSystemNotFoundException e) {
            throw new IllegalStateException("bpmn/ is not a folder on the classpath: " + folder, e);
        }
    }

    private static TransactionManager transactionManager() {
        try {
            return (TransactionManager) new InitialContext().lookup("java:appserver/TransactionManager");
        } catch (NamingException e) {
            throw new IllegalStateException("No transaction manager in JNDI", e);
        }
    }
}
