package nl.kunstloc.publieksdata.session.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.institution.entity.Institution;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.session.control.Evaluations;
import nl.kunstloc.publieksdata.session.control.KnowledgeBase;
import nl.kunstloc.publieksdata.session.control.Materials;
import nl.kunstloc.publieksdata.session.control.Sessions;
import nl.kunstloc.publieksdata.session.control.Viewer;
import nl.kunstloc.publieksdata.session.entity.Article;
import nl.kunstloc.publieksdata.session.entity.EvaluationSummary;
import nl.kunstloc.publieksdata.session.entity.KnowledgeSession;
import nl.kunstloc.publieksdata.session.entity.MaterialInfo;
import nl.kunstloc.publieksdata.session.entity.Registration;
import nl.kunstloc.publieksdata.session.entity.RegistrationStatus;
import nl.kunstloc.publieksdata.session.entity.SessionStatus;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * One session: what, when, where, the signed-in person's registration (register, cancel, place on
 * the waiting list); for coordinators the registrations, the waiting list, the evaluation summary
 * and cancelling the session.
 */
@Named("sessionDetailView")
@ViewScoped
public class DetailView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Sessions sessions;

    @Inject
    Evaluations evaluations;

    @Inject
    Materials materials;

    @Inject
    KnowledgeBase knowledgeBase;

    @Inject
    Institutions institutions;

    @Inject
    SessionAccess access;

    @Inject
    Clock clock;

    @Inject
    Messages messages;

    private Long id;
    private KnowledgeSession session;
    private Viewer viewer;
    private String cancelReason;

    /** f:viewAction: 404 for a session that does not exist or is for another audience. */
    public void load() {
        viewer = access.viewer();
        session = access.visible(id).orElse(null);
    }

    private void reload() {
        session = sessions.find(id).orElse(session);
    }

    public void register() {
        try {
            Registration r = sessions.register(id, viewer);
            reload();
            if (r.getStatus() == RegistrationStatus.WAITING) {
                messages.warn("session.detail.waitlisted", session.waitingPosition(viewer.username()));
            } else {
                messages.info("session.detail.registered");
            }
        } catch (UserFacingException e) {
            reload();
            messages.error(e);
        }
    }

    public void cancelRegistration() {
        try {
            sessions.cancelRegistration(id, viewer.username());
            messages.info("session.detail.cancelled");
        } catch (UserFacingException e) {
            messages.error(e);
        }
        reload();
    }

    public void cancelSession() {
        try {
            sessions.cancel(id, cancelReason, viewer.username());
            messages.info("session.detail.sessionCancelled");
        } catch (UserFacingException e) {
            messages.error(e);
        }
        reload();
    }

    public StreamedContent download(MaterialInfo info) {
        return materials.find(info.id()).filter(m -> m.getSessionId().equals(id))
                .map(m -> DefaultStreamedContent.builder().name(m.getFileName()).contentType(m.getKind().contentType())
                        .stream(() -> new ByteArrayInputStream(m.getContent())).build())
                .orElse(null);
    }

    public Optional<Registration> mine() {
        return session == null ? Optional.empty() : session.registrationOf(viewer.username()).filter(Registration::isActive);
    }

    public boolean isRegistered() {
        return mine().filter(r -> r.getStatus() == RegistrationStatus.REGISTERED).isPresent();
    }

    public boolean isWaiting() {
        return mine().filter(r -> r.getStatus() == RegistrationStatus.WAITING).isPresent();
    }

    public int getWaitingPosition() {
        return session.waitingPosition(viewer.username());
    }

    public boolean isRegistrationOpen() {
        return session.isRegistrationOpen(clock.instant());
    }

    /** Invitees register; coordinators organise (they could, but the button would mislead). */
    public boolean isMayRegister() {
        return !viewer.isCoordinator() && mine().isEmpty() && isRegistrationOpen();
    }

    public boolean isMayCancelRegistration() {
        return mine().isPresent() && isRegistrationOpen();
    }

    public boolean isMayEvaluate() {
        return evaluations.mayEvaluate(session, viewer.username()) && !evaluations.hasEvaluated(id, viewer.username());
    }

    public boolean isCoordinator() {
        return viewer.isCoordinator();
    }

    public boolean isChangeable() {
        return viewer.isCoordinator() && session.getStatus() == SessionStatus.PLANNED;
    }

    public boolean isCancellable() {
        return viewer.isCoordinator() && session.getStatus() != SessionStatus.CANCELLED && session.getStatus() != SessionStatus.PUBLISHED;
    }

    public EvaluationSummary getEvaluationSummary() {
        return evaluations.summary(id);
    }

    public List<MaterialInfo> getMaterials() {
        return materials.of(id);
    }

    public Article getArticle() {
        return knowledgeBase.ofSession(id).orElse(null);
    }

    public String institutionName(Long institutionId) {
        return institutions.find(institutionId).map(Institution::getName).orElse("—");
    }

    public List<String> getChosenInstitutionNames() {
        return session.getAudienceInstitutions().stream().map(this::institutionName).sorted().toList();
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public KnowledgeSession getSession() { return session; }
    public String getCancelReason() { return cancelReason; }
    public void setCancelReason(String cancelReason) { this.cancelReason = cancelReason; }
}
