package nl.kunstloc.publieksdata.onboarding.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.institution.entity.Institution;
import nl.kunstloc.publieksdata.institution.entity.InstitutionType;
import nl.kunstloc.publieksdata.institution.entity.TicketingSystem;
import nl.kunstloc.publieksdata.institution.entity.Venue;
import nl.kunstloc.publieksdata.onboarding.control.Profiles;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.workflow.TaskPages;
import nl.kunstloc.publieksdata.workflow.WorkTask;
import nl.kunstloc.publieksdata.workflow.Workflow;

/**
 * The institution completes its profile (task completeProfile): organisation, venues, ticketing
 * system, director; each section saved on its own (a draft), a checklist, then submit.
 */
@Named
@ViewScoped
public class ProfileView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TaskPages taskPages;

    @Inject
    Institutions institutions;

    @Inject
    Profiles profiles;

    @Inject
    Workflow workflow;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private String taskId;
    private WorkTask task;
    private Long institutionId;

    // organisation
    private String name;
    private InstitutionType type;
    private String kvk;
    private String street;
    private String postcode;
    private String city;
    private String website;
    // ticketing
    private TicketingSystem ticketingSystem;
    private String ticketingOther;
    // director
    private String directorName;
    private String directorEmail;
    // new venue
    private String venueName;
    private String venueStreet;
    private String venuePostcode;
    private String venueCity;

    public void load() {
        task = taskPages.open(taskId, "completeProfile");
        if (task == null) {
            return;
        }
        institutionId = task.institutionId();
        Institution i = institutions.find(institutionId).orElseThrow();
        name = i.getName();
        type = i.getType();
        kvk = i.getKvkNumber();
        street = i.getStreet();
        postcode = i.getPostcode();
        city = i.getCity();
        website = i.getWebsite();
        ticketingSystem = i.getTicketingSystem();
        ticketingOther = i.getTicketingSystemOther();
        directorName = i.getDirectorName();
        directorEmail = i.getDirectorEmail();
    }

    /** The coordinator's comment when the profile was sent back, shown on top of the task. */
    public String getReviewComment() {
        return institutions.find(institutionId).map(Institution::getReviewComment).orElse(null);
    }

    public void saveOrganisation() {
        run(() -> profiles.saveOrganisation(institutionId, name, type, kvk, street, postcode, city, website), "onboarding.profile.saved");
    }

    public void addVenue() {
        run(() -> {
            profiles.addVenue(institutionId, venueName, venueStreet, venuePostcode, venueCity);
            venueName = venueStreet = venuePostcode = venueCity = null;
        }, "onboarding.profile.venueAdded");
    }

    public void removeVenue(Venue venue) {
        run(() -> profiles.removeVenue(institutionId, venue.getId()), "onboarding.profile.venueRemoved");
    }

    public void saveTicketing() {
        run(() -> profiles.saveTicketing(institutionId, ticketingSystem, ticketingOther), "onboarding.profile.saved");
    }

    public void saveDirector() {
        run(() -> profiles.appointDirector(institutionId, directorName, directorEmail, currentUser.getUsername()),
                "onboarding.profile.directorSaved");
    }

    public String submit() {
        try {
            profiles.submit(taskId, institutionId, currentUser.getUsername());
            messages.info("onboarding.profile.submitted");
            messages.keepForRedirect();
            return "/tasks/inbox?faces-redirect=true";
        } catch (UserFacingException e) {
            messages.error(e);
            return null;
        }
    }

    private void run(Runnable action, String successKey) {
        if (!taskPages.recheck(taskId, "completeProfile")) {
            return;
        }
        try {
            action.run();
            messages.info(successKey);
        } catch (UserFacingException e) {
            messages.error(e);
        }
    }

    public Profiles.Checklist getChecklist() {
        return profiles.checklist(institutionId);
    }

    public List<Venue> getVenues() {
        return institutions.venues(institutionId);
    }

    public InstitutionType[] getTypes() { return InstitutionType.values(); }
    public TicketingSystem[] getTicketingSystems() { return TicketingSystem.values(); }
    public String getTaskId() { return taskId; }
    public void setTaskId(String taskId) { this.taskId = taskId; }
    public WorkTask getTask() { return task; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public InstitutionType getType() { return type; }
    public void setType(InstitutionType type) { this.type = type; }
    public String getKvk() { return kvk; }
    public void setKvk(String kvk) { this.kvk = kvk; }
    public String getStreet() { return street; }
    public void setStreet(String street) { this.street = street; }
    public String getPostcode() { return postcode; }
    public void setPostcode(String postcode) { this.postcode = postcode; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
    public TicketingSystem getTicketingSystem() { return ticketingSystem; }
    public void setTicketingSystem(TicketingSystem ticketingSystem) { this.ticketingSystem = ticketingSystem; }
    public String getTicketingOther() { return ticketingOther; }
    public void setTicketingOther(String ticketingOther) { this.ticketingOther = ticketingOther; }
    public String getDirectorName() { return directorName; }
    public void setDirectorName(String directorName) { this.directorName = directorName; }
    public String getDirectorEmail() { return directorEmail; }
    public void setDirectorEmail(String directorEmail) { this.directorEmail = directorEmail; }
    public String getVenueName() { return venueName; }
    public void setVenueName(String venueName) { this.venueName = venueName; }
    public String getVenueStreet() { return venueStreet; }
    public void setVenueStreet(String venueStreet) { this.venueStreet = venueStreet; }
    public String getVenuePostcode() { return venuePostcode; }
    public void setVenuePostcode(String venuePostcode) { this.venuePostcode = venuePostcode; }
    public String getVenueCity() { return venueCity; }
    public void setVenueCity(String venueCity) { this.venueCity = venueCity; }
}
