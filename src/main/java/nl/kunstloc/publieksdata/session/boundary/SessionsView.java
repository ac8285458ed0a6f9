package nl.kunstloc.publieksdata.session.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import nl.kunstloc.publieksdata.session.control.Sessions;
import nl.kunstloc.publieksdata.session.control.Viewer;
import nl.kunstloc.publieksdata.session.entity.KnowledgeSession;
import nl.kunstloc.publieksdata.session.entity.Registration;

/** The session list: upcoming (soonest first) and past (latest first), each sortable and paged. */
@Named("sessionsView")
@ViewScoped
public class SessionsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Sessions sessions;

    @Inject
    SessionAccess access;

    @Inject
    Clock clock;

    private Viewer viewer;
    private List<KnowledgeSession> upcoming;
    private List<KnowledgeSession> past;

    @PostConstruct
    void load() {
        viewer = access.viewer();
        var now = clock.instant();
        List<KnowledgeSession> all = sessions.visibleTo(viewer);
        upcoming = all.stream().filter(s -> s.isUpcoming(now)).toList();
        past = all.stream().filter(s -> !s.isUpcoming(now)).sorted((a, b) -> b.getStartsAt().compareTo(a.getStartsAt())).toList();
    }

    /** The signed-in person's state for a session, as a message key ("" when none). */
    public String myStatus(KnowledgeSession s) {
        return s.registrationOf(viewer.username()).filter(Registration::isActive)
                .map(r -> r.getStatus().messageKey()).orElse("");
    }

    public boolean isCoordinator() {
        return viewer.isCoordinator();
    }

    public List<KnowledgeSession> getUpcoming() { return upcoming; }
    public List<KnowledgeSession> getPast() { return past; }
}
