package nl.kunstloc.publieksdata.onboarding.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.institution.entity.Institution;
import nl.kunstloc.publieksdata.institution.entity.InstitutionStatus;
import nl.kunstloc.publieksdata.institution.entity.InstitutionType;
import nl.kunstloc.publieksdata.institution.entity.TicketingSystem;
import nl.kunstloc.publieksdata.institution.entity.Venue;
import nl.kunstloc.publieksdata.onboarding.entity.Invitation;
import nl.kunstloc.publieksdata.platform.audit.AuditTrail;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.platform.security.UserAccount;
import nl.kunstloc.publieksdata.platform.security.UserAccounts;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.reference.control.Postcodes;
import nl.kunstloc.publieksdata.workflow.WorkTask;
import nl.kunstloc.publieksdata.workflow.Workflow;

/**
 * The institution's profile as its members fill it in: every section can be saved as a draft;
 * the checklist says what is still missing; submitting needs a complete checklist.
 */
@Stateless
public class Profiles {

    @Inject
    Institutions institutions;

    @Inject
    Invitations invitations;

    @Inject
    UserAccounts accounts;

    @Inject
    PostcodeDirectory postcodes;

    @Inject
    Workflow workflow;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public void saveOrganisation(Long institutionId, String name, InstitutionType type, String kvk, String street,
                                 String postcode, String city, String website) {
        Institution institution = institutions.find(institutionId).orElseThrow();
        String kvkNumber = kvk == null ? null : kvk.replaceAll("\\s", "");
        if (kvkNumber != null && !kvkNumber.isEmpty() && !kvkNumber.matches("\\d{8}")) {
            throw new UserFacingException("onboarding.error.kvk", kvk);
        }
        String pc = postcode == null || postcode.isBlank() ? null : Postcodes.normalise(postcode);
        if (pc != null && !Postcodes.isValid(pc)) {
            throw new UserFacingException("onboarding.error.postcode", postcode);
        }
        try {
            institution.rename(name);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("onboarding.error.nameRequired");
        }
        if (type != null) {
            institution.changeType(type);
        }
        institution.describe(kvkNumber, street, pc, city, website);
        if (pc != null) {
            postcodes.municipalityOfPc4(pc.substring(0, 4)).ifPresent(m -> institution.moveTo(m.code()));
        }
        audit.record("profile.organisation", "institution", institutionId, institutionId, null);
    }

    /** Adds a venue; its postcode must be a valid Dutch one, and is placed in its municipality. */
    public Venue addVenue(Long institutionId, String name, String street, String postcode, String city) {
        if (name == null || name.isBlank() || street == null || street.isBlank() || city == null || city.isBlank()) {
            throw new UserFacingException("onboarding.error.venueIncomplete");
        }
        String pc = Postcodes.normalise(postcode);
        if (!Postcodes.isValid(pc)) {
            throw new UserFacingException("onboarding.error.postcode", postcode == null ? "" : postcode);
        }
        String municipality = postcodes.municipalityOfPc4(pc.substring(0, 4)).map(m -> m.code()).orElse(null);
        Venue venue = institutions.addVenue(new Venue(institutionId, name, street, pc, city, municipality));
        audit.record("profile.venue.add", "venue", venue.getId(), institutionId, venue.getName() + " " + venue.getPc4());
        return venue;
    }

    public void removeVenue(Long institutionId, Long venueId) {
        institutions.removeVenue(institutionId, venueId);
        audit.record("profile.venue.remove", "venue", venueId, institutionId, null);
    }

    public void saveTicketing(Long institutionId, TicketingSystem system, String other) {
        if (system == TicketingSystem.OTHER && (other == null || other.isBlank())) {
            throw new UserFacingException("onboarding.error.ticketingOther");
        }
        institutions.find(institutionId).orElseThrow().useTicketingSystem(system, other);
        audit.record("profile.ticketing", "institution", institutionId, institutionId, String.valueOf(system));
    }

    /** Names the director; they get an invitation to the portal as DIRECTOR (unless they already have an account). */
    public void appointDirector(Long institutionId, String name, String email, String by) {
        if (name == null || name.isBlank()) {
            throw new UserFacingException("onboarding.error.nameRequired");
        }
        String address = Invitations.checkedEmail(email);
        Institution institution = institutions.find(institutionId).orElseThrow();
        if (address.equals(institution.getDirectorEmail()) && (accounts.exists(address) || invitations.openInvitationFor(address).isPresent())) {
            institution.appointDirector(name, address);
            return;
        }
        var existing = accounts.find(address);
        if (existing.isPresent()) {
            UserAccount account = existing.get();
            if (!institutionId.equals(account.getInstitutionId())) {
                throw new UserFacingException("onboarding.error.alreadyUser", address);
            }
            account.grant(Role.DIRECTOR);
        } else {
            invitations.invite(institutionId, name, address, Role.DIRECTOR, by);
        }
        institution.appointDirector(name, address);
        audit.record("profile.director", "institution", institutionId, institutionId, address);
    }

    public Invitation inviteColleague(Long institutionId, String name, String email, String by) {
        return invitations.invite(institutionId, name, email, Role.INSTITUTION_MEMBER, by);
    }

    public Checklist checklist(Long institutionId) {
        Institution i = institutions.find(institutionId).orElseThrow();
        List<Checklist.Item> items = new ArrayList<>();
        items.add(new Checklist.Item("organisation", i.getKvkNumber() != null && i.getStreet() != null
                && i.getPostcode() != null && i.getCity() != null));
        items.add(new Checklist.Item("venues", !institutions.venues(institutionId).isEmpty()));
        items.add(new Checklist.Item("ticketing", i.getTicketingSystem() != null));
        items.add(new Checklist.Item("director", i.getDirectorName() != null && i.getDirectorEmail() != null));
        items.add(new Checklist.Item("contact", i.getContactName() != null && i.getContactEmail() != null));
        return new Checklist(items);
    }

    /** Submits the profile for review (completes the completeProfile task); needs a complete checklist. */
    public void submit(String taskId, Long institutionId, String user) {
        WorkTask task = workflow.task(taskId).orElseThrow(() -> new UserFacingException("error.task.gone", taskId));
        if (!"completeProfile".equals(task.taskKey()) || !institutionId.equals(task.institutionId())) {
            throw new UserFacingException("error.task.gone", taskId);
        }
        Checklist checklist = checklist(institutionId);
        if (!checklist.complete()) {
            throw new UserFacingException("onboarding.error.checklistIncomplete");
        }
        institutions.find(institutionId).orElseThrow().changeStatus(InstitutionStatus.SUBMITTED, clock.instant());
        workflow.complete(taskId, user, Map.of());
        audit.record("profile.submit", "institution", institutionId, institutionId, null);
    }

    /** What is done and what is missing before the profile can be submitted. */
    public record Checklist(List<Item> items) {

        public boolean complete() {
            return items.stream().allMatch(Item::done);
        }

        public long done() {
            return items.stream().filter(Item::done).count();
        }

        public record Item(String key, boolean done) {
            public String messageKey() {
                return "onboarding.checklist." + key;
            }
        }
    }
}
