package nl.kunstloc.publieksdata.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.platform.security.UserAccount;
import nl.kunstloc.publieksdata.platform.security.UserAccounts;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The portal's one door to the workflow engine: start processes, find and complete tasks, read a
 * process's history, comments and incidents. Everything outside this package speaks in ids and
 * the small records of this package, never in Camunda types.
 * <p>
 * Every process carries the variables {@code institutionId} and {@code institutionName}, so the
 * inbox can show and filter them and access checks can be made per institution.
 */
@ApplicationScoped
@Transactional
public class Workflow {

    public static final String INSTITUTION_ID = "institutionId";
    public static final String INSTITUTION_NAME = "institutionName";

    @Inject
    WorkflowEngine engineStartup;

    @Inject
    UserAccounts accounts;

    private ProcessEngine engine() {
        return engineStartup.engine();
    }

    /** Starts a process; returns the process instance id. */
    public String start(String processKey, String businessKey, Map<String, Object> variables, String startedBy) {
        return asUser(startedBy, () -> engine().getRuntimeService()
                .startProcessInstanceByKey(processKey, businessKey, variables).getId());
    }

    /** Delivers a message to the process instance waiting for it with this business key. */
    public void correlate(String messageName, String businessKey, Map<String, Object> variables) {
        engine().getRuntimeService().createMessageCorrelation(messageName)
                .processInstanceBusinessKey(businessKey)
                .setVariables(variables)
                .correlate();
    }

    /**
     * Delivers a message to the one instance waiting for it whose process variable has this value.
     * For messages where the business key is not unique: during a renewal two agreement instances
     * share {@code institution-<id>}, but only one has a given {@code agreementId}.
     */
    public void correlateByVariable(String messageName, String variableName, Object value, Map<String, Object> variables) {
        engine().getRuntimeService().createMessageCorrelation(messageName)
                .processInstanceVariableEquals(variableName, value)
                .setVariables(variables)
                .correlate();
    }

    /**
     * Runs the instance's due asynchronous jobs now, in the caller's transaction, instead of leaving
     * them to the job executor: for demo data that must reach a user task at start-up. The executor
     * cannot take the same job meanwhile: it sees the job only after the caller commits.
     */
    public void runDueJobs(String processInstanceId) {
        var management = engine().getManagementService();
        for (var job : management.createJobQuery().processInstanceId(processInstanceId).executable().list()) {
            management.executeJob(job.getId());
        }
    }

    /**
     * Demo data only: runs every job of the instance, timers that are not yet due included, as if
     * their time had come (a session held twelve days ago has waited its seven evaluation days).
     */
    public void runJobsAsIfDue(String processInstanceId) {
        var management = engine().getManagementService();
        for (var job : management.createJobQuery().processInstanceId(processInstanceId).list()) {
            management.executeJob(job.getId());
        }
    }

    /** Is any running instance of this process key waiting under this business key? */
    public boolean isRunning(String processKey, String businessKey) {
        return engine().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(processKey).processInstanceBusinessKey(businessKey).active().count() > 0;
    }

    public Optional<String> runningInstance(String processKey, String businessKey) {
        return engine().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(processKey).processInstanceBusinessKey(businessKey)
                .list().stream().findFirst().map(p -> p.getId());
    }

    public void cancel(String processInstanceId, String reason) {
        engine().getRuntimeService().deleteProcessInstance(processInstanceId, reason);
    }

    // ----- tasks

    public Optional<WorkTask> task(String taskId) {
        if (taskId == null || taskId.isBlank()) {
            return Optional.empty();
        }
        Task task = engine().getTaskService().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        return Optional.ofNullable(task).map(this::toWorkTask);
    }

    /** The open task with this definition key in the process instance (e.g. "reviewOnboarding"). */
    public Optional<WorkTask> openTask(String processInstanceId, String taskKey) {
        return engine().getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey).initializeFormKeys().list().stream().findFirst().map(this::toWorkTask);
    }

    public List<WorkTask> openTasks(String processInstanceId) {
        return engine().getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .initializeFormKeys().orderByTaskCreateTime().asc().list().stream().map(this::toWorkTask).toList();
    }

    /** The candidate groups of a task: which roles or institution groups may work on it. */
    public List<String> candidateGroups(String taskId) {
        return engine().getTaskService().getIdentityLinksForTask(taskId).stream()
                .filter(l -> l.getGroupId() != null && "candidate".equals(l.getType()))
                .map(l -> l.getGroupId()).toList();
    }

    public List<WorkTask> inbox(InboxQuery query, int first, int max) {
        TaskQuery q = inboxQuery(query);
        switch (query.sort()) {
            case DUE -> q.orderByDueDate();
            case NAME -> q.orderByTaskName();
            default -> q.orderByTaskCreateTime();
        }
        if (query.ascending()) {
            q.asc();
        } else {
            q.desc();
        }
        return toWorkTasks(q.listPage(first, max));
    }

    public long countInbox(InboxQuery query) {
        return inboxQuery(query).count();
    }

    private TaskQuery inboxQuery(InboxQuery query) {
        TaskQuery q = engine().getTaskService().createTaskQuery().active().initializeFormKeys();
        switch (query.scope()) {
            case ASSIGNED_TO_ME -> q.taskAssignee(query.user());
            case MINE_AND_GROUPS -> {
                if (query.groups().isEmpty()) {
                    q.taskAssignee(query.user());
                } else {
                    q.or().taskAssignee(query.user()).taskCandidateGroupIn(new ArrayList<>(query.groups()))
                            .includeAssignedTasks().endOr();
                }
            }
            case ALL -> { /* coordinators: everything */ }
        }
        if (query.processKey() != null && !query.processKey().isBlank()) {
            q.processDefinitionKey(query.processKey());
        }
        if (query.text() != null && !query.text().isBlank()) {
            String like = "%" + query.text().trim() + "%";
            q.or().taskNameLike(like).processVariableValueLike(INSTITUTION_NAME, like).endOr();
        }
        if (query.overdueAt() != null) {
            q.dueBefore(Date.from(query.overdueAt()));
        }
        return q;
    }

    public void claim(String taskId, String user) {
        engine().getTaskService().claim(taskId, user);
    }

    public void unclaim(String taskId) {
        engine().getTaskService().setAssignee(taskId, null);
    }

    /** Variables of the task's process (all of them: the task page shows what it needs). */
    public Map<String, Object> variables(String taskId) {
        return engine().getTaskService().getVariables(taskId);
    }

    public Object variable(String processInstanceId, String name) {
        return engine().getRuntimeService().getVariable(processInstanceId, name);
    }

    public void setVariable(String processInstanceId, String name, Object value) {
        engine().getRuntimeService().setVariable(processInstanceId, name, value);
    }

    /**
     * Moves the timer a process instance waits in at this activity to a new due date: a timer's
     * due date is fixed when it starts waiting, so changing the variable it was computed from is
     * not enough. A date in the past fires at once. Returns false when nothing waits there.
     */
    public boolean rescheduleTimer(String processInstanceId, String activityId, Instant due) {
        var management = engine().getManagementService();
        var timers = management.createJobQuery().processInstanceId(processInstanceId).timers()
                .activityId(activityId).list();
        timers.forEach(job -> management.setJobDuedate(job.getId(), Date.from(due)));
        return !timers.isEmpty();
    }

    /**
     * Completes a task as this user: the task is assigned to them first, so the history says who
     * did the step. Fails with {@link TaskGoneException} when somebody else completed it already
     * (a double click, or two colleagues at once).
     */
    public void complete(String taskId, String user, Map<String, Object> variables) {
        var taskService = engine().getTaskService();
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new TaskGoneException(taskId);
        }
        accounts.find(user).ifPresent(account -> {
            if (!mayWorkOn(task, account)) {
                throw new TaskNotYoursException(taskId, user);
            }
        });
        if (task.getAssignee() == null || !task.getAssignee().equals(user)) {
            taskService.setAssignee(taskId, user);
        }
        asUser(user, () -> {
            taskService.complete(taskId, variables == null ? Map.of() : new HashMap<>(variables));
            return null;
        });
    }

    /**
     * The same rule as a task page applies when it opens ({@link TaskPages#open}), checked again by the
     * completion itself: whatever a page was made to send, a person completes only a task that is
     * assigned to them or open to one of their groups (coordinators: any), and never one of another
     * institution. Completions in a person's name by the portal itself (an upload that replaces a
     * delivery, the demo data) pass the same check; names that are no account (API tokens, "system")
     * come from code paths that checked their object already.
     */
    private boolean mayWorkOn(Task task, UserAccount account) {
        if (account.getRoles().contains(Role.COORDINATOR) || account.getUsername().equals(task.getAssignee())) {
            return true;
        }
        Object institution = engine().getTaskService().getVariable(task.getId(), INSTITUTION_ID);
        if (institution != null && !Long.valueOf(((Number) institution).longValue()).equals(account.getInstitutionId())) {
            return false;
        }
        Set<String> groups = account.workflowGroups();
        return candidateGroups(task.getId()).stream().anyMatch(groups::contains);
    }

    // ----- process instances

    public Optional<ProcessSummary> process(String processInstanceId) {
        if (processInstanceId == null || processInstanceId.isBlank()) {
            return Optional.empty();
        }
        HistoricProcessInstance p = engine().getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        return Optional.ofNullable(p).map(this::toSummary);
    }

    /** All process instances (newest first) of one institution, e.g. for its progress page. */
    public List<ProcessSummary> processesOfInstitution(Long institutionId) {
        return engine().getHistoryService().createHistoricProcessInstanceQuery()
                .variableValueEquals(INSTITUTION_ID, institutionId)
                .orderByProcessInstanceStartTime().desc().list().stream().map(this::toSummary).toList();
    }

    public List<ProcessStep> history(String processInstanceId) {
        List<ProcessStep> steps = new ArrayList<>();
        for (HistoricActivityInstance a : engine().getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list()) {
            if ((a.getActivityName() == null && !"userTask".equals(a.getActivityType()))
                    || a.getActivityType().endsWith("Gateway")) {
                continue; // gateways are questions; the steps after them are the answers a reader wants
            }
            steps.add(new ProcessStep(a.getActivityId(), a.getActivityName(), a.getActivityType(), a.getAssignee(),
                    instant(a.getStartTime()), instant(a.getEndTime()), a.isCanceled()));
        }
        return steps;
    }

    /** The names of the steps a process instance waits in now. */
    public List<String> currentSteps(String processInstanceId) {
        return engine().getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).unfinished().list().stream()
                .filter(a -> a.getActivityName() != null)
                .map(HistoricActivityInstance::getActivityName).toList();
    }

    /** Ids of the activities an instance waits in now (for marking them on the diagram). */
    public List<String> currentActivityIds(String processInstanceId) {
        return engine().getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).unfinished().list().stream()
                .map(HistoricActivityInstance::getActivityId).distinct().toList();
    }

    /** Ids of the activities an instance has passed. */
    public List<String> completedActivityIds(String processInstanceId) {
        return engine().getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).finished().list().stream()
                .map(HistoricActivityInstance::getActivityId).distinct().toList();
    }

    /** The process variables as they are now (or were at the end), by name. */
    public Map<String, Object> processVariables(String processInstanceId) {
        Map<String, Object> values = new java.util.TreeMap<>();
        for (HistoricVariableInstance v : engine().getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).disableCustomObjectDeserialization().list()) {
            if (v.getActivityInstanceId() == null || v.getActivityInstanceId().equals(processInstanceId)
                    || !values.containsKey(v.getName())) {
                values.put(v.getName(), v.getValue());
            }
        }
        return values;
    }

    public List<ProcessComment> comments(String processInstanceId) {
        return engine().getTaskService().getProcessInstanceComments(processInstanceId).stream()
                .map(c -> new ProcessComment(c.getUserId(), instant(c.getTime()), c.getFullMessage()))
                .sorted(java.util.Comparator.comparing(ProcessComment::time))
                .toList();
    }

    public void addComment(String processInstanceId, String user, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty comment");
        }
        asUser(user, () -> engine().getTaskService().createComment(null, processInstanceId, text.trim()));
    }

    /** The BPMN XML of the process definition an instance runs, for the diagram on the process page. */
    public Optional<String> diagramXml(String processInstanceId) {
        return process(processInstanceId).flatMap(p -> {
            HistoricProcessInstance h = engine().getHistoryService().createHistoricProcessInstanceQuery()
                    .processInstanceId(processInstanceId).singleResult();
            try (var in = engine().getRepositoryService().getProcessModel(h.getProcessDefinitionId())) {
                return Optional.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        });
    }

    /** The deployed processes, newest version of each: key → name (for filters). */
    public Map<String, String> processNames() {
        ProcessNames known = processNames;
        Instant now = Instant.now();
        if (known == null || now.isAfter(known.readAt().plus(PROCESS_NAMES_FOR))) {
            Map<String, String> names = new java.util.TreeMap<>();
            for (ProcessDefinition d : engine().getRepositoryService().createProcessDefinitionQuery().latestVersion().list()) {
                names.put(d.getKey(), d.getName() == null ? d.getKey() : d.getName());
            }
            known = new ProcessNames(java.util.Collections.unmodifiableMap(names), now);
            processNames = known;
        }
        return known.names();
    }

    /**
     * The names change only with a deployment (this node's at start-up, or another node's newer version), but the
     * inbox asked the engine for them at every render, several times (issue 15's load profile: 3 % of the pages'
     * CPU); a minute old is new enough for a filter's choices.
     */
    private static final java.time.Duration PROCESS_NAMES_FOR = java.time.Duration.ofMinutes(1);

    private record ProcessNames(Map<String, String> names, Instant readAt) {
    }

    private volatile ProcessNames processNames;

    /**
     * Fires the timer waiting at this activity now, as if its time had come. For demo data (a
     * newcomer sees an expired invitation without waiting 14 days) — not used by any screen.
     */
    public void fireTimerNow(String processInstanceId, String activityId) {
        var management = engine().getManagementService();
        management.createJobQuery().processInstanceId(processInstanceId).timers().activityId(activityId).list()
                .forEach(job -> management.executeJob(job.getId()));
    }

    /**
     * Starts the engine's job executor. In demo mode it waits until the demo data has loaded, because
     * the demo runs the jobs of its own processes as it goes; two runners of one job would collide.
     */
    public void startJobExecutor() {
        engineStartup.startJobExecutor();
    }

    // ----- incidents

    public List<ProcessIncident> incidents() {
        List<ProcessIncident> result = new ArrayList<>();
        for (Incident i : engine().getRuntimeService().createIncidentQuery().orderByIncidentTimestamp().desc().list()) {
            Long institutionId = null;
            String institutionName = null;
            if (i.getProcessInstanceId() != null) {
                Object id = engine().getRuntimeService().getVariable(i.getProcessInstanceId(), INSTITUTION_ID);
                institutionId = id instanceof Number n ? n.longValue() : null;
                Object name = engine().getRuntimeService().getVariable(i.getProcessInstanceId(), INSTITUTION_NAME);
                institutionName = name == null ? null : name.toString();
            }
            String key = engine().getRepositoryService().getProcessDefinition(i.getProcessDefinitionId()).getKey();
            result.add(new ProcessIncident(i.getId(), i.getProcessInstanceId(), key, i.getActivityId(),
                    instant(i.getIncidentTimestamp()), i.getIncidentMessage(), i.getConfiguration(),
                    institutionId, institutionName));
        }
        return result;
    }

    public long countIncidents() {
        return engine().getRuntimeService().createIncidentQuery().count();
    }

    // reader: a validation that died or hangs becomes an incident (issue 11 finding 3); a new job is picked up at once

    /**
     * Takes the retries of the activity's job away, which makes it an incident (Incidents page, retry
     * button). For a job whose thread hangs or died without the engine noticing.
     *
     * @return whether there was such a job that was not an incident yet
     */
    public boolean giveUpJob(String processInstanceId, String activityId) {
        var jobs = engine().getManagementService().createJobQuery().processInstanceId(processInstanceId)
                .activityId(activityId).list();
        boolean given = false;
        for (var job : jobs) {
            if (job.getRetries() > 0) {
                engine().getManagementService().setJobRetries(job.getId(), 0);
                given = true;
            }
        }
        return given;
    }

    /**
     * Wakes this node's job executor: a job created in the transaction that just committed runs now, not
     * when the executor's idle back-off (up to a minute) next polls.
     *
     * <p>Called after a commit (a transaction synchronization): the engine is found in Camunda's registry, not through
     * the WorkflowEngine bean, whose container would try to resume the completed transaction after the call.
     */
    public void hintJobExecutor() {
        ProcessEngine running = org.camunda.bpm.container.RuntimeContainerDelegate.INSTANCE.get()
                .getProcessEngineService().getProcessEngine(WorkflowEngine.ENGINE_NAME);
        if (running != null) {
            WorkflowEngine.hint(running);
        }
    }

    /** Gives the failed job of an incident one more try; the incident disappears when it succeeds. */
    public void retry(String jobId) {
        engine().getManagementService().setJobRetries(jobId, 1);
    }


    // ----- dashboard: the pilot at a glance

    /** Open tasks nobody has claimed that were created before this moment, oldest first. */
    public List<WorkTask> unclaimedSince(Instant createdBefore, int max) {
        return toWorkTasks(engine().getTaskService().createTaskQuery().active().taskUnassigned().initializeFormKeys()
                .taskCreatedBefore(Date.from(createdBefore)).orderByTaskCreateTime().asc().listPage(0, max));
    }

    public long countUnclaimedSince(Instant createdBefore) {
        return engine().getTaskService().createTaskQuery().active().taskUnassigned()
                .taskCreatedBefore(Date.from(createdBefore)).count();
    }

    /**
     * Per deployed process (all versions together): instances running and finished, and per step the
     * durations of its finished executions in the engine's history, so a page can show where the pilot stalls.
     * One query for the instances and one for the steps, whatever the number of processes.
     */
    public List<ProcessDurations> processDurations() {
        var repository = engine().getRepositoryService();
        Map<String, String> keyOfDefinition = new HashMap<>();
        Map<String, String> nameOfKey = new java.util.TreeMap<>();
        for (ProcessDefinition d : repository.createProcessDefinitionQuery().orderByProcessDefinitionVersion().asc().list()) {
            keyOfDefinition.put(d.getId(), d.getKey());
            nameOfKey.put(d.getKey(), d.getName() == null ? d.getKey() : d.getName());
        }
        Map<String, long[]> instances = new HashMap<>(); // key -> {running, finished}
        for (HistoricProcessInstance p : engine().getHistoryService().createHistoricProcessInstanceQuery().list()) {
            long[] counts = instances.computeIfAbsent(keyOfDefinition.get(p.getProcessDefinitionId()), k -> new long[2]);
            counts[p.getEndTime() == null ? 0 : 1]++;
        }
        Map<String, Map<String, ProcessDurations.Step>> steps = new HashMap<>();
        for (HistoricActivityInstance a : engine().getHistoryService().createHistoricActivityInstanceQuery().finished().list()) {
            String type = a.getActivityType();
            if (type == null || type.endsWith("Gateway") || type.endsWith("Event") || "processDefinition".equals(type)
                    || a.isCanceled() || a.getDurationInMillis() == null) {
                continue; // gateways and events take no time a coordinator can act on; tasks do
            }
            String key = keyOfDefinition.get(a.getProcessDefinitionId());
            steps.computeIfAbsent(key, k -> new java.util.LinkedHashMap<>())
                    .computeIfAbsent(a.getActivityId(), id -> new ProcessDurations.Step(id, a.getActivityName(), type,
                            new ArrayList<>()))
                    .durationsMillis().add(a.getDurationInMillis());
        }
        Map<String, Map<String, Long>> waiting = new HashMap<>();
        for (HistoricActivityInstance a : engine().getHistoryService().createHistoricActivityInstanceQuery().unfinished().list()) {
            String type = a.getActivityType();
            if (type == null || "processDefinition".equals(type)) {
                continue;
            }
            waiting.computeIfAbsent(keyOfDefinition.get(a.getProcessDefinitionId()), k -> new HashMap<>())
                    .merge(a.getActivityId(), 1L, Long::sum);
        }
        List<ProcessDurations> result = new ArrayList<>();
        nameOfKey.forEach((key, name) -> {
            long[] counts = instances.getOrDefault(key, new long[2]);
            result.add(new ProcessDurations(key, name, counts[0], counts[1],
                    new ArrayList<>(steps.getOrDefault(key, Map.of()).values()), waiting.getOrDefault(key, Map.of())));
        });
        return result;
    }

    // ----- helpers

    private <T> T asUser(String user, Supplier<T> work) {
        var identity = engine().getIdentityService();
        identity.setAuthenticatedUserId(user);
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * load: as {@link #toWorkTask} for a whole page of tasks, in two queries instead of two per task (the inbox and the
     * overview's attention list showed 20–50 tasks with 40–100 engine queries, issue 15). A variable is taken from the
     * nearest scope as {@code getVariables(taskId)} would: the task's own, its execution's, the process instance's.
     */
    private List<WorkTask> toWorkTasks(List<Task> tasks) {
        if (tasks.size() <= 1) {
            return tasks.stream().map(this::toWorkTask).toList();
        }
        String[] instanceIds = tasks.stream().map(Task::getProcessInstanceId).filter(java.util.Objects::nonNull)
                .distinct().toArray(String[]::new);
        Map<String, String> businessKeys = new HashMap<>();
        Map<String, List<org.camunda.bpm.engine.runtime.VariableInstance>> variables = new HashMap<>();
        if (instanceIds.length > 0) {
            engine().getRuntimeService().createProcessInstanceQuery().processInstanceIds(Set.of(instanceIds)).list()
                    .forEach(p -> businessKeys.put(p.getId(), p.getBusinessKey()));
            engine().getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(instanceIds)
                    .variableNameIn(INSTITUTION_ID, INSTITUTION_NAME).list()
                    .forEach(v -> variables.computeIfAbsent(v.getProcessInstanceId(), k -> new ArrayList<>()).add(v));
        }
        List<WorkTask> result = new ArrayList<>(tasks.size());
        for (Task t : tasks) {
            List<org.camunda.bpm.engine.runtime.VariableInstance> own = variables.getOrDefault(t.getProcessInstanceId(), List.of());
            Object institutionId = nearest(own, t, INSTITUTION_ID);
            Object institutionName = nearest(own, t, INSTITUTION_NAME);
            ProcessDefinition def = engine().getRepositoryService().getProcessDefinition(t.getProcessDefinitionId());
            result.add(new WorkTask(t.getId(), t.getName(), t.getTaskDefinitionKey(), def.getKey(),
                    def.getName() == null ? def.getKey() : def.getName(), t.getProcessInstanceId(),
                    businessKeys.get(t.getProcessInstanceId()), t.getAssignee(),
                    instant(t.getCreateTime()), instant(t.getDueDate()), t.getFormKey(),
                    institutionId instanceof Number n ? n.longValue() : null,
                    institutionName == null ? null : institutionName.toString()));
        }
        return result;
    }

    private static Object nearest(List<org.camunda.bpm.engine.runtime.VariableInstance> variables, Task task, String name) {
        org.camunda.bpm.engine.runtime.VariableInstance best = null;
        int bestRank = Integer.MAX_VALUE;
        for (var v : variables) {
            if (!name.equals(v.getName()) || (v.getTaskId() != null && !v.getTaskId().equals(task.getId()))) {
                continue;
            }
            int rank = v.getTaskId() != null ? 0
                    : java.util.Objects.equals(v.getExecutionId(), task.getExecutionId()) ? 1
                    : java.util.Objects.equals(v.getExecutionId(), task.getProcessInstanceId()) ? 2 : 3;
            if (rank < bestRank) {
                best = v;
                bestRank = rank;
            }
        }
        return best == null ? null : best.getValue();
    }

    private WorkTask toWorkTask(Task t) {
        Map<String, Object> vars = engine().getTaskService().getVariables(t.getId(), List.of(INSTITUTION_ID, INSTITUTION_NAME));
        ProcessDefinition def = engine().getRepositoryService().getProcessDefinition(t.getProcessDefinitionId());
        Object institutionId = vars.get(INSTITUTION_ID);
        var businessKey = engine().getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(t.getProcessInstanceId()).singleResult();
        return new WorkTask(t.getId(), t.getName(), t.getTaskDefinitionKey(), def.getKey(),
                def.getName() == null ? def.getKey() : def.getName(), t.getProcessInstanceId(),
                businessKey == null ? null : businessKey.getBusinessKey(), t.getAssignee(),
                instant(t.getCreateTime()), instant(t.getDueDate()), t.getFormKey(),
                institutionId instanceof Number n ? n.longValue() : null,
                vars.get(INSTITUTION_NAME) == null ? null : vars.get(INSTITUTION_NAME).toString());
    }

    private ProcessSummary toSummary(HistoricProcessInstance p) {
        ProcessDefinition def = engine().getRepositoryService().getProcessDefinition(p.getProcessDefinitionId());
        Map<String, Object> vars = new HashMap<>();
        engine().getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(p.getId())
                .variableNameIn(INSTITUTION_ID, INSTITUTION_NAME).list()
                .forEach(v -> vars.put(v.getName(), v.getValue()));
        Object institutionId = vars.get(INSTITUTION_ID);
        return new ProcessSummary(p.getId(), def.getKey(), def.getName() == null ? def.getKey() : def.getName(),
                def.getVersion(), p.getBusinessKey(), institutionId instanceof Number n ? n.longValue() : null,
                vars.get(INSTITUTION_NAME) == null ? null : vars.get(INSTITUTION_NAME).toString(),
                instant(p.getStartTime()), instant(p.getEndTime()), p.getState(), p.getStartUserId());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
