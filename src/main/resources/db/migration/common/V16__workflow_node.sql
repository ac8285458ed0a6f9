-- cluster: the nodes that run workflow jobs, each under its lock owner name (publieksdata.node-name), and when it
-- last said it was alive. A node that has not been seen for publieksdata.workflow.node-expiry-seconds is dead:
-- the others release the jobs still locked under its name, so they run again soon instead of after Camunda's
-- five-minute lock (docs/adr/0015, NodeJobLocks). Times are the database's CURRENT_TIMESTAMP, with time zone, so neither
-- the nodes' clocks nor their time zones matter.
CREATE TABLE workflow_node (
    name       VARCHAR(255) NOT NULL PRIMARY KEY,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
