package nl.kunstloc.publieksdata.workflow;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("The host name is unknown: set publieksdata.node-name", e);
        }
    }
}
