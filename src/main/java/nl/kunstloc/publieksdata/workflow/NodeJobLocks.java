package nl.kunstloc.publieksdata.workflow;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The job locks of this node. Camunda's job executor locks a job for five minutes under its lock
 * owner before running it; when the server dies in the middle (kill -9, power loss) the lock stays
 * and no node takes the job until it expires, so a delivery would sit in "validating" for minutes.
 * With a lock owner that is the same in every life of a node, the node can release, when it starts
 * and before its job executor runs, the locks it held when it died: nothing of its previous life
 * is still running, so those jobs are free to run again at once.
 *
 * <p>This relies on node names being unique: a node that started under the name of a running node
 * would take that node's jobs away (the raised revision makes the other node's commit fail with an
 * optimistic locking error instead of being written twice). Camunda has no public API for this (its
 * job query cannot filter on the lock owner), hence the one UPDATE on its table.
 *
 * <p>With several nodes a dead node may never come back (kill -9, a lost machine, a container
 * replaced under a new name). So every node also says it is alive: it writes the database's time into
 * its row of {@code workflow_node} every few seconds ({@link #beat}); a node that has not done so for
 * the expiry time is dead, and any living node releases the jobs locked under its name
 * ({@link #releaseHeldByDeadNodes}). Liveness is decided in the database, where the locks are, and on
 * the database's clock: a node cut off from the others but still writing to the database keeps its
 * jobs (docs/adr/0015).
 */
final class NodeJobLocks {

    private NodeJobLocks() {
    }

    /** The lock owner of this node: the configured node name, else the host name. */
    static String lockOwner(Optional<String> configuredNodeName) {
        return configuredNodeName.map(String::strip).filter(name -> !name.isEmpty()).orElseGet(NodeJobLocks::hostName);
    }

    /**
     * Releases the jobs still locked by {@code lockOwner}; call it only before this node's job
     * executor starts.
     *
     * @return how many jobs were released
     */
    static int releaseHeldBy(String lockOwner, DataSource dataSource, String tablePrefix) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement release = connection.prepareStatement("UPDATE " + tablePrefix + "ACT_RU_JOB"
                     + " SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL, REV_ = REV_ + 1 WHERE LOCK_OWNER_ = ?")) {
            release.setString(1, lockOwner);
            int released = release.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return released;
        }
    }

    /**
     * Releases this node's locks on jobs it does not hold (not queued, not running: {@code held}), taken at
     * least {@code minAge} ago. Such a lock is left when a job failed while the database was gone (issue 15):
     * Camunda could write neither the job's end nor its failure, so the job would wait for its lock to expire
     * (five minutes) before any node ran it again. The age keeps a job out of reach between its acquisition
     * and its hand-over to the executor. Called while the job executor runs (WorkflowEngine, every 20 s).
     *
     * @return the ids of the jobs released
     */
    static java.util.List<String> releaseOrphaned(String lockOwner, java.util.Set<String> held, long lockTimeMillis,
            java.time.Duration minAge, java.time.Instant now, DataSource dataSource, String tablePrefix) throws SQLException {
        // a lock taken at t expires at t + lockTime: taken before now - minAge <=> expires before now + lockTime - minAge
        java.sql.Timestamp takenBefore = java.sql.Timestamp.from(now.plusMillis(lockTimeMillis).minus(minAge));
        java.util.List<String> released = new java.util.ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            java.util.List<String> candidates = new java.util.ArrayList<>();
            try (PreparedStatement find = connection.prepareStatement("SELECT ID_ FROM " + tablePrefix + "ACT_RU_JOB"
                    + " WHERE LOCK_OWNER_ = ? AND LOCK_EXP_TIME_ < ?")) {
                find.setString(1, lockOwner);
                find.setTimestamp(2, takenBefore);
                try (java.sql.ResultSet rs = find.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(rs.getString(1));
                    }
                }
            }
            candidates.removeAll(held);
            try (PreparedStatement release = connection.prepareStatement("UPDATE " + tablePrefix + "ACT_RU_JOB"
                    + " SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL, REV_ = REV_ + 1"
                    + " WHERE ID_ = ? AND LOCK_OWNER_ = ? AND LOCK_EXP_TIME_ < ?")) {
                for (String id : candidates) {
                    release.setString(1, id);
                    release.setString(2, lockOwner);
                    release.setTimestamp(3, takenBefore);
                    if (release.executeUpdate() == 1) {
                        released.add(id);
                    }
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
        return released;
    }

    /**
     * Says that {@code lockOwner} is alive now; at start-up ({@code starting}) also when it started.
     * One row per node name, times from the database's clock.
     */
    static void beat(String lockOwner, boolean starting, DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            int updated;
            try (PreparedStatement update = connection.prepareStatement(starting
                    ? "UPDATE workflow_node SET started_at = CURRENT_TIMESTAMP, seen_at = CURRENT_TIMESTAMP WHERE name = ?"
                    : "UPDATE workflow_node SET seen_at = CURRENT_TIMESTAMP WHERE name = ?")) {
                update.setString(1, lockOwner);
                updated = update.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO workflow_node (name, started_at, seen_at) VALUES (?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
                    insert.setString(1, lockOwner);
                    insert.executeUpdate();
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    /**
     * Releases the jobs still locked by nodes other than {@code self} that have not been seen for
     * {@code expiry} (database time): they are dead, nothing of theirs is still running.
     *
     * @return per dead node that held jobs, how many were released (empty: nothing to do)
     */
    static Map<String, Integer> releaseHeldByDeadNodes(String self, Duration expiry, DataSource dataSource,
            String tablePrefix) throws SQLException {
        Map<String, Integer> released = new LinkedHashMap<>();
        // seconds inlined: interval literals take no parameter; a long from the configuration, nothing else
        String deadline = "CURRENT_TIMESTAMP - INTERVAL '" + Math.max(1, expiry.toSeconds()) + "' SECOND";
        try (Connection connection = dataSource.getConnection()) {
            List<String> dead = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT name FROM workflow_node"
                    + " WHERE seen_at < " + deadline + " AND name <> ?"
                    // a node that has not said it is alive itself judges nobody
                    + " AND EXISTS (SELECT 1 FROM workflow_node me WHERE me.name = ? AND me.seen_at >= " + deadline + ")"
                    + " ORDER BY name")) {
                query.setString(1, self);
                query.setString(2, self);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        dead.add(rs.getString(1));
                    }
                }
            }
            for (String node : dead) {
                // the dead node's row is checked again in the same statement: it may have come back meanwhile
                try (PreparedStatement release = connection.prepareStatement("UPDATE " + tablePrefix + "ACT_RU_JOB"
                        + " SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL, REV_ = REV_ + 1 WHERE LOCK_OWNER_ = ?"
                        + " AND EXISTS (SELECT 1 FROM workflow_node n WHERE n.name = ? AND n.seen_at < " + deadline + ")")) {
                    release.setString(1, node);
                    release.setString(2, node);
                    int count = release.executeUpdate();
                    if (count > 0) {
                        released.put(node, count);
                    }
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
        return released;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("The host name is unknown: set publieksdata.node-name", e);
        }
    }
}
