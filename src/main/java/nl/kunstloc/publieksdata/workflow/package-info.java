/**
 * The only package that knows Camunda 7 (besides the {@code *Delegate} classes): the engine's start-up
 * ({@code WorkflowEngine}), the facade the features use ({@code Workflow}), what every task page checks first
 * ({@code TaskPages}) and the step names in the user's language ({@code StepLabels}).
 *
 * <p>With several nodes every node runs a job executor on the one database; Camunda's optimistic locking makes
 * each job run once. A node's jobs are locked under its name ({@code publieksdata.node-name}); when a node dies
 * its locks are released by itself when it starts again, or by a living node once the dead one has not been seen
 * in {@code workflow_node} for {@code publieksdata.workflow.node-expiry-seconds} ({@code NodeJobLocks},
 * docs/adr/0015).
 */
package nl.kunstloc.publieksdata.workflow;
