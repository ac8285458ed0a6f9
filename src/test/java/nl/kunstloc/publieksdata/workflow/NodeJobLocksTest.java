package nl.kunstloc.publieksdata.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A node that died while running a job finds that job locked under its own name when it starts
 * again; it releases that lock, and no other node's. A node that dies and does not come back: a living
 * node releases its locks once it has not been seen for the expiry time, and not before.
 */
@Deployment(resources = "bpmn/data-delivery.bpmn")
class NodeJobLocksTest extends ProcessTestSupport {

    DataSource dataSource;
    String prefix;

    @BeforeEach
    void engineDatabase() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        dataSource = configuration.getDataSource();
        prefix = configuration.getDatabaseTablePrefix();
    }

    /** The table of V16, as Flyway creates it in the portal's database (the test engine has Camunda's tables only). */
    void nodeTable() throws Exception {
        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/common/V16__workflow_node.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        sql("DROP TABLE IF EXISTS workflow_node");
        sql(migration.replaceAll("(?m)^--.*$", ""));
    }

    void sql(String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection(); var s = connection.createStatement()) {
            s.execute(statement);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    /** As if the node had said it was alive {@code seconds} ago. */
    void lastSeen(String node, int seconds) throws SQLException {
        sql("UPDATE workflow_node SET seen_at = CURRENT_TIMESTAMP - INTERVAL '" + seconds + "' SECOND WHERE name = '" + node + "'");
    }

    @Test
    void a_living_node_releases_the_jobs_of_a_node_not_seen_for_the_expiry_time() throws Exception {
        nodeTable();
        NodeJobLocks.beat("node-a", true, dataSource);
        lockValidationJob("node-a");
        NodeJobLocks.beat("node-b", true, dataSource);
        lastSeen("node-a", 45);

        assertThat(NodeJobLocks.releaseHeldByDeadNodes("node-b", Duration.ofSeconds(30), dataSource, prefix))
                .isEqualTo(Map.of("node-a", 1));

        assertThat(validationJob().getLockOwner()).isNull();
        assertThat(validationJob().getRetries()).as("a crash is no failure: no retry spent").isEqualTo(3);
        assertThat(NodeJobLocks.releaseHeldByDeadNodes("node-b", Duration.ofSeconds(30), dataSource, prefix))
                .as("nothing left to release").isEmpty();
    }

    @Test
    void the_jobs_of_a_node_seen_within_the_expiry_time_stay_locked() throws Exception {
        nodeTable();
        NodeJobLocks.beat("node-a", true, dataSource);
        lockValidationJob("node-a");
        NodeJobLocks.beat("node-b", true, dataSource);
        lastSeen("node-a", 20);

        assertThat(NodeJobLocks.releaseHeldByDeadNodes("node-b", Duration.ofSeconds(30), dataSource, prefix)).isEmpty();

        assertThat(validationJob().getLockOwner()).isEqualTo("node-a");
    }

    @Test
    void a_node_that_is_itself_not_seen_judges_nobody() throws Exception {
        nodeTable();
        NodeJobLocks.beat("node-a", true, dataSource);
        lockValidationJob("node-a");
        NodeJobLocks.beat("node-b", true, dataSource);
        lastSeen("node-a", 300);
        lastSeen("node-b", 300); // node-b's own heartbeat stalled: it may be the one cut off

        assertThat(NodeJobLocks.releaseHeldByDeadNodes("node-b", Duration.ofSeconds(30), dataSource, prefix)).isEmpty();
        assertThat(NodeJobLocks.releaseHeldByDeadNodes("node-c", Duration.ofSeconds(30), dataSource, prefix))
                .as("a node that never said it is alive").isEmpty();
        assertThat(validationJob().getLockOwner()).isEqualTo("node-a");
    }

    @Test
    void a_node_that_beats_again_is_alive_again() throws Exception {
        nodeTable();
        NodeJobLocks.beat("node-a", true, dataSource);
        lockValidationJob("node-a");
        NodeJobLocks.beat("node-b", true, dataSource);
        lastSeen("node-a", 300);
        NodeJobLocks.beat("node-a", false, dataSource);

        assertThat(NodeJobLocks.releaseHeldByDeadNodes("node-b", Duration.ofSeconds(30), dataSource, prefix)).isEmpty();
        assertThat(validationJob().getLockOwner()).isEqualTo("node-a");
    }

    @Test
    void a_starting_node_releases_the_job_it_held_when_it_died() throws SQLException {
        lockValidationJob("node-a");

        assertThat(NodeJobLocks.releaseHeldBy("node-a", dataSource, prefix)).isEqualTo(1);

        JobEntity job = validationJob();
        assertThat(job.getLockOwner()).isNull();
        assertThat(job.getLockExpirationTime()).isNull();
        assertThat(job.getRetries()).as("a crash is no failure: no retry spent").isEqualTo(3);
    }

    @Test
    void a_starting_node_leaves_the_jobs_of_other_nodes_locked() throws SQLException {
        lockValidationJob("node-a");

        assertThat(NodeJobLocks.releaseHeldBy("node-b", dataSource, prefix)).isZero();

        assertThat(validationJob().getLockOwner()).isEqualTo("node-a");
        assertThat(validationJob().getLockExpirationTime()).isNotNull();
    }

    @Test
    void a_running_node_releases_a_lock_no_thread_of_it_holds_once_it_is_old_enough() throws SQLException {
        // locked 300 s before expiry = taken at T0 (lock time 300 s); 40 s later nothing of the node runs it
        lockValidationJob("node-a");
        java.time.Instant now = T0.plusSeconds(40);

        assertThat(NodeJobLocks.releaseOrphaned("node-a", java.util.Set.of(), 300_000, java.time.Duration.ofSeconds(30), now,
                dataSource, prefix)).containsExactly(validationJob().getId());

        assertThat(validationJob().getLockOwner()).isNull();
        assertThat(validationJob().getRetries()).as("no retry spent").isEqualTo(3);
    }

    @Test
    void a_running_node_keeps_the_locks_of_jobs_it_runs_young_locks_and_other_nodes_locks() throws SQLException {
        lockValidationJob("node-a");
        String job = validationJob().getId();

        assertThat(NodeJobLocks.releaseOrphaned("node-a", java.util.Set.of(job), 300_000, java.time.Duration.ofSeconds(30),
                T0.plusSeconds(40), dataSource, prefix)).as("a job the node runs").isEmpty();
        assertThat(NodeJobLocks.releaseOrphaned("node-a", java.util.Set.of(), 300_000, java.time.Duration.ofSeconds(30),
                T0.plusSeconds(10), dataSource, prefix)).as("a lock taken 10 s ago: maybe not handed over yet").isEmpty();
        assertThat(NodeJobLocks.releaseOrphaned("node-b", java.util.Set.of(), 300_000, java.time.Duration.ofSeconds(30),
                T0.plusSeconds(40), dataSource, prefix)).as("another node's lock").isEmpty();
        assertThat(validationJob().getLockOwner()).isEqualTo("node-a");
    }

    @Test
    void the_lock_owner_is_the_configured_node_name_else_the_host_name() {
        assertThat(NodeJobLocks.lockOwner(Optional.of(" portal-1 "))).isEqualTo("portal-1");
        assertThat(NodeJobLocks.lockOwner(Optional.empty())).isNotBlank()
                .isEqualTo(NodeJobLocks.lockOwner(Optional.of(" ")));
    }

    /**
     * Starts a delivery, whose validation job waits, and locks that job as the job executor of a
     * node leaves it when the node is killed while running it. (The deployment is made after
     * {@code @BeforeEach}, hence here.)
     */
    private void lockValidationJob(String owner) throws SQLException {
        engine.getRuntimeService().startProcessInstanceByKey("dataDelivery", "delivery-7",
                Map.of("institutionId", 42L, "institutionName", "Theater aan de Dommel", "deliveryId", 7L));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement lock = connection.prepareStatement("UPDATE " + prefix + "ACT_RU_JOB"
                     + " SET LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? WHERE ID_ = ?")) {
            lock.setString(1, owner);
            lock.setTimestamp(2, Timestamp.from(T0.plusSeconds(300)));
            lock.setString(3, validationJob().getId());
            assertThat(lock.executeUpdate()).isEqualTo(1);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    private JobEntity validationJob() {
        return (JobEntity) engine.getManagementService().createJobQuery().activityId("validateDelivery").singleResult();
    }
}
