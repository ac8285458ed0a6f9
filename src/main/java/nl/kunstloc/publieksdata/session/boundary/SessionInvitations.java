package nl.kunstloc.publieksdata.session.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import nl.kunstloc.publieksdata.session.control.Sessions;
import nl.kunstloc.publieksdata.session.entity.KnowledgeSession;

/** The open session invitations shown in the inbox (WEB-INF/session/open-invitations.xhtml), each with a register link. */
@Named("sessionInvitations")
@RequestScoped
public class SessionInvitations {

    @Inject
    Sessions sessions;

    @Inject
    SessionAccess access;

    private List<KnowledgeSession> open;

    public List<KnowledgeSession> getOpen() {
        if (open == null) {
            open = access.viewer().isCoordinator() ? List.of() : sessions.openInvitations(access.viewer());
        }
        return open;
    }
}
