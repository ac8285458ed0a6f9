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

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("The host name is unknown: set publieksdata.node-name", e);
        }
    }
}
