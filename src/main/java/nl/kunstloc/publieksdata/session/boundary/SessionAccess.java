package nl.kunstloc.publieksdata.session.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import nl.kunstloc.publieksdata.platform.security.AccessGuard;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.session.control.Sessions;
import nl.kunstloc.publieksdata.session.control.Viewer;
import nl.kunstloc.publieksdata.session.entity.KnowledgeSession;
import nl.kunstloc.publieksdata.workflow.WorkTask;
import nl.kunstloc.publieksdata.workflow.Workflow;

/**
 * The session pages' object checks: a session by id only for those invited to it (or registered,
 * or coordinators), a task only when it is the expected step of a session. Everything else
 * answers 404, so an id of a session for another audience reveals nothing.
 */
@RequestScoped
public class SessionAccess {

    @Inject
    CurrentUser currentUser;

    @Inject
    AccessGuard guard;

    @Inject
    Sessions sessions;

    @Inject
    Workflow workflow;

    public Viewer viewer() {
        return new Viewer(currentUser.getUsername(), currentUser.getDisplayName(), currentUser.roles(), currentUser.getInstitutionId());
    }

    /** The session if this user may see it; otherwise 404 (and empty). */
    public Optional<KnowledgeSession> visible(Long id) {
        Optional<KnowledgeSession> session = sessions.find(id).filter(s -> sessions.maySee(s, viewer()));
        guard.require(session.isPresent(), "session " + id);
        return session;
    }

    /** The open task of this key, and its session; otherwise 404 (and empty). */
    public Optional<TaskOfSession> task(String taskId, String taskKey) {
        Optional<TaskOfSession> found = workflow.task(taskId)
                .filter(t -> taskKey.equals(t.taskKey()) && Sessions.PROCESS_KEY.equals(t.processKey()))
                .filter(t -> t.businessKey() != null && t.businessKey().startsWith("session-"))
                .flatMap(t -> sessions.find(Long.valueOf(t.businessKey().substring("session-".length())))
                        .map(s -> new TaskOfSession(t, s)));
        guard.require(found.isPresent() && currentUser.hasRole(Role.COORDINATOR), "task " + taskId);
        return found;
    }

    public record TaskOfSession(WorkTask task, KnowledgeSession session) {
    }
}
