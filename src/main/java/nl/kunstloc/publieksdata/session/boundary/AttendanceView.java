package nl.kunstloc.publieksdata.session.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.session.control.Sessions;
import nl.kunstloc.publieksdata.session.entity.KnowledgeSession;
import nl.kunstloc.publieksdata.session.entity.Registration;

/** Task recordAttendance: the coordinator ticks who came; completing sends the evaluation forms. */
@Named("sessionAttendanceView")
@ViewScoped
public class AttendanceView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Sessions sessions;

    @Inject
    SessionAccess access;

    @Inject
    Messages messages;

    private String taskId;
    private KnowledgeSession session;
    private String[] present = new String[0];

    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        access.task(taskId, "recordAttendance").ifPresent(t -> {
            session = t.session();
            // everyone registered is ticked: usually most came, and unticking is quicker
            present = session.participants().stream().map(Registration::getUsername).toArray(String[]::new);
        });
    }

    public String save() {
        try {
            sessions.recordAttendance(session.getId(), taskId, new HashSet<>(Arrays.asList(present)), access.viewer().username());
            messages.info("session.attendance.saved", present.length);
            messages.keepForRedirect();
            return "/session/detail?faces-redirect=true&id=" + session.getId();
        } catch (UserFacingException e) {
            messages.error(e);
            return null;
        }
    }

    public List<Registration> getParticipants() {
        return session.participants();
    }

    public String getTaskId() { return taskId; }
    public void setTaskId(String taskId) { this.taskId = taskId; }
    public KnowledgeSession getSession() { return session; }
    public String[] getPresent() { return present; }
    public void setPresent(String[] present) { this.present = present == null ? new String[0] : present; }
}
