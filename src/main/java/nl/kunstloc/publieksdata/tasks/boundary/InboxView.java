package nl.kunstloc.publieksdata.tasks.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.workflow.InboxQuery;
import nl.kunstloc.publieksdata.workflow.WorkTask;
import nl.kunstloc.publieksdata.workflow.Workflow;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * "Mijn taken": the open tasks this user may work on (assigned to them, or to one of their roles or
 * their institution; coordinators may widen it to all tasks), with filters, sorting, paging, claim.
 */
@Named
@ViewScoped
public class InboxView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Workflow workflow;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    @Inject
    Clock clock;

    private InboxQuery.Scope scope = InboxQuery.Scope.MINE_AND_GROUPS;
    private String text;
    private String processKey;
    private boolean overdueOnly;
    private String user;
    private java.util.Set<String> groups;
    private boolean coordinator;

    private final LazyDataModel<WorkTask> tasks = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) workflow.countInbox(query(InboxQuery.Sort.CREATED, false));
        }

        @Override
        public List<WorkTask> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            InboxQuery.Sort sort = InboxQuery.Sort.CREATED;
            boolean ascending = false;
            for (SortMeta meta : sortBy.values()) {
                sort = switch (meta.getField()) {
                    case "due" -> InboxQuery.Sort.DUE;
                    case "name" -> InboxQuery.Sort.NAME;
                    default -> InboxQuery.Sort.CREATED;
                };
                ascending = meta.getOrder() == SortOrder.ASCENDING;
            }
            return workflow.inbox(query(sort, ascending), first, pageSize);
        }

        @Override
        public String getRowKey(WorkTask task) {
            return task.id();
        }

        @Override
        public WorkTask getRowData(String rowKey) {
            return workflow.task(rowKey).orElse(null);
        }
    };

    @PostConstruct
    void init() {
        user = currentUser.getUsername();
        groups = currentUser.workflowGroups();
        coordinator = currentUser.hasRole(Role.COORDINATOR);
    }

    private InboxQuery query(InboxQuery.Sort sort, boolean ascending) {
        InboxQuery.Scope effective = scope == InboxQuery.Scope.ALL && !coordinator ? InboxQuery.Scope.MINE_AND_GROUPS : scope;
        return new InboxQuery(user, groups, effective, text, processKey,
                overdueOnly ? clock.instant() : null, sort, ascending);
    }

    public void claim(WorkTask task) {
        try {
            workflow.claim(task.id(), user);
            messages.info("tasks.inbox.claimed", task.name());
        } catch (RuntimeException e) {
            messages.error("tasks.inbox.claimFailed", task.name());
        }
    }

    public void unclaim(WorkTask task) {
        if (!user.equals(task.assignee()) && !coordinator) {
            messages.error("tasks.inbox.notYours");
            return;
        }
        workflow.unclaim(task.id());
        messages.info("tasks.inbox.unclaimed", task.name());
    }

    public boolean isOverdue(WorkTask task) {
        return task.isOverdue(clock.instant());
    }

    public boolean mayUnclaim(WorkTask task) {
        return task.isAssigned() && (user.equals(task.assignee()) || coordinator);
    }

    public void resetFilters() {
        text = null;
        processKey = null;
        overdueOnly = false;
        scope = InboxQuery.Scope.MINE_AND_GROUPS;
    }

    public Map<String, String> getProcesses() {
        return workflow.processNames();
    }

    public InboxQuery.Scope[] getScopes() {
        return coordinator ? InboxQuery.Scope.values()
                : new InboxQuery.Scope[]{InboxQuery.Scope.MINE_AND_GROUPS, InboxQuery.Scope.ASSIGNED_TO_ME};
    }

    public LazyDataModel<WorkTask> getTasks() { return tasks; }
    public InboxQuery.Scope getScope() { return scope; }
    public void setScope(InboxQuery.Scope scope) { this.scope = scope; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getProcessKey() { return processKey; }
    public void setProcessKey(String processKey) { this.processKey = processKey; }
    public boolean isOverdueOnly() { return overdueOnly; }
    public void setOverdueOnly(boolean overdueOnly) { this.overdueOnly = overdueOnly; }
    public String getUser() { return user; }
}
