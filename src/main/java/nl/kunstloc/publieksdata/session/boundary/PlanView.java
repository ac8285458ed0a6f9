package nl.kunstloc.publieksdata.session.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.institution.entity.Institution;
import nl.kunstloc.publieksdata.institution.entity.InstitutionStatus;
import nl.kunstloc.publieksdata.institution.entity.InstitutionType;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.session.control.Sessions;
import nl.kunstloc.publieksdata.session.entity.AudienceKind;
import nl.kunstloc.publieksdata.session.entity.KnowledgeSession;
import nl.kunstloc.publieksdata.session.entity.SessionAudience;
import nl.kunstloc.publieksdata.session.entity.SessionPlan;

/** Planning a session (or changing a planned one, ?id=): saving a new plan starts the process and sends the invitations. */
@Named("sessionPlanView")
@ViewScoped
public class PlanView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ZoneId ZONE = ZoneId.systemDefault();

    @Inject
    Sessions sessions;

    @Inject
    Institutions institutions;

    @Inject
    SessionAccess access;

    @Inject
    Messages messages;

    private Long id;
    private String title;
    private String theme;
    private LocalDateTime startsAt;
    private LocalDateTime endsAt;
    private LocalDateTime deadline;
    private String place;
    private String onlineLink;
    private Integer capacity = 20;
    private AudienceKind audienceKind = AudienceKind.ALL_INSTITUTIONS;
    private InstitutionType audienceType;
    private Long[] audienceInstitutions = new Long[0];
    private Role[] audienceRoles = {Role.INSTITUTION_MEMBER, Role.DIRECTOR};
    private String agenda;
    private String findings;

    /** f:viewAction: with ?id= the planned session is loaded for changing. */
    public void load() {
        if (id == null || FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        access.visible(id).ifPresent(s -> {
            SessionPlan p = s.plan();
            title = p.title();
            theme = p.theme();
            startsAt = local(p.startsAt());
            endsAt = local(p.endsAt());
            deadline = local(p.registrationDeadline());
            place = p.place();
            onlineLink = p.onlineLink();
            capacity = p.capacity();
            audienceKind = p.audience().kind();
            audienceType = p.audience().type();
            audienceInstitutions = p.audience().institutionIds().toArray(new Long[0]);
            audienceRoles = p.audience().roles().toArray(new Role[0]);
            agenda = p.agenda();
            findings = p.findings();
        });
    }

    public String save() {
        try {
            SessionPlan plan = new SessionPlan(title, theme, instant(startsAt), instant(endsAt), place, onlineLink,
                    capacity == null ? 0 : capacity, instant(deadline),
                    new SessionAudience(audienceKind, audienceType, new HashSet<>(Arrays.asList(audienceInstitutions)),
                            audienceRoles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Arrays.asList(audienceRoles))),
                    agenda, findings);
            KnowledgeSession saved = id == null ? sessions.plan(plan, access.viewer().username())
                    : sessions.replan(id, plan, access.viewer().username());
            messages.info(id == null ? "session.plan.planned" : "session.plan.changed", saved.getTitle());
            messages.keepForRedirect();
            return "/session/detail?faces-redirect=true&id=" + saved.getId();
        } catch (UserFacingException e) {
            messages.error(e);
            return null;
        }
    }

    private static Instant instant(LocalDateTime t) {
        return t == null ? null : t.atZone(ZONE).toInstant();
    }

    private static LocalDateTime local(Instant i) {
        return i == null ? null : LocalDateTime.ofInstant(i, ZONE);
    }

    public List<Institution> getActiveInstitutions() {
        return institutions.all().stream().filter(i -> i.getStatus() == InstitutionStatus.ACTIVE).toList();
    }

    public AudienceKind[] getAudienceKinds() { return AudienceKind.values(); }
    public InstitutionType[] getInstitutionTypes() { return InstitutionType.values(); }
    public Role[] getInvitableRoles() { return SessionAudience.INVITABLE.toArray(new Role[0]); }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getTheme() { return theme; }
    public void setTheme(String theme) { this.theme = theme; }
    public LocalDateTime getStartsAt() { return startsAt; }
    public void setStartsAt(LocalDateTime startsAt) { this.startsAt = startsAt; }
    public LocalDateTime getEndsAt() { return endsAt; }
    public void setEndsAt(LocalDateTime endsAt) { this.endsAt = endsAt; }
    public LocalDateTime getDeadline() { return deadline; }
    public void setDeadline(LocalDateTime deadline) { this.deadline = deadline; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public String getOnlineLink() { return onlineLink; }
    public void setOnlineLink(String onlineLink) { this.onlineLink = onlineLink; }
    public Integer getCapacity() { return capacity; }
    public void setCapacity(Integer capacity) { this.capacity = capacity; }
    public AudienceKind getAudienceKind() { return audienceKind; }
    public void setAudienceKind(AudienceKind audienceKind) { this.audienceKind = audienceKind; }
    public InstitutionType getAudienceType() { return audienceType; }
    public void setAudienceType(InstitutionType audienceType) { this.audienceType = audienceType; }
    public Long[] getAudienceInstitutions() { return audienceInstitutions; }
    public void setAudienceInstitutions(Long[] audienceInstitutions) { this.audienceInstitutions = audienceInstitutions == null ? new Long[0] : audienceInstitutions; }
    public Role[] getAudienceRoles() { return audienceRoles; }
    public void setAudienceRoles(Role[] audienceRoles) { this.audienceRoles = audienceRoles == null ? new Role[0] : audienceRoles; }
    public String getAgenda() { return agenda; }
    public void setAgenda(String agenda) { this.agenda = agenda; }
    public String getFindings() { return findings; }
    public void setFindings(String findings) { this.findings = findings; }
}
