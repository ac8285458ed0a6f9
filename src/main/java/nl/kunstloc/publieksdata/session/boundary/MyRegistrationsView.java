package nl.kunstloc.publieksdata.session.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import nl.kunstloc.publieksdata.session.control.Evaluations;
import nl.kunstloc.publieksdata.session.control.Sessions;
import nl.kunstloc.publieksdata.session.control.Viewer;
import nl.kunstloc.publieksdata.session.entity.KnowledgeSession;
import nl.kunstloc.publieksdata.session.entity.Registration;

/** The signed-in person's open invitations and registrations, with their place on a waiting list and the evaluation link. */
@Named("myRegistrationsView")
@ViewScoped
public class MyRegistrationsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Sessions sessions;

    @Inject
    Evaluations evaluations;

    @Inject
    SessionAccess access;

    private Viewer viewer;
    private List<Registration> registrations;
    private List<KnowledgeSession> invitations;

    @PostConstruct
    void load() {
        viewer = access.viewer();
        registrations = sessions.registrationsOf(viewer.username());
        invitations = sessions.openInvitations(viewer);
    }

    public int waitingPosition(Registration r) {
        return r.getSession().waitingPosition(viewer.username());
    }

    public boolean mayEvaluate(Registration r) {
        return evaluations.mayEvaluate(r.getSession(), viewer.username())
                && !evaluations.hasEvaluated(r.getSession().getId(), viewer.username());
    }

    public List<Registration> getRegistrations() { return registrations; }
    public List<KnowledgeSession> getInvitations() { return invitations; }
}
