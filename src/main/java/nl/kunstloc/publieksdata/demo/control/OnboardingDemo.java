package nl.kunstloc.publieksdata.demo.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import nl.kunstloc.publieksdata.institution.entity.Institution;
import nl.kunstloc.publieksdata.institution.entity.InstitutionType;
import nl.kunstloc.publieksdata.institution.entity.TicketingSystem;
import nl.kunstloc.publieksdata.onboarding.control.Invitations;
import nl.kunstloc.publieksdata.onboarding.control.OnboardingWorkflow;
import nl.kunstloc.publieksdata.onboarding.control.Profiles;
import nl.kunstloc.publieksdata.platform.mail.DemoMailServer;
import nl.kunstloc.publieksdata.workflow.Workflow;

/**
 * Institutions at every stage of onboarding, reached the way people reach them: through the
 * process, the mailed invitation links and the profile pages' control classes. Each call is its
 * own transaction (DemoData manages none), so mails go out between the steps as they would.
 */
@Dependent
public class OnboardingDemo {

    private static final Logger LOG = Logger.getLogger(OnboardingDemo.class.getName());
    static final String COORDINATOR = "coordinator@kunstloc.nl";

    @Inject
    OnboardingWorkflow onboarding;

    @Inject
    Invitations invitations;

    @Inject
    Profiles profiles;

    @Inject
    Workflow workflow;

    @Inject
    DemoMailServer mail;

    void load() {
        // applied through the public form: the coordinator decides (task "Beoordeel aanmelding")
        onboarding.apply("Museum Het Brabants Erfgoed", InstitutionType.MUSEUM, "GM0796", "Hanna Huisman",
                "h.huisman@brabantserfgoed.nl", "Wij willen weten of ons publiek ook uit de regio komt.");

        // applied and declined
        Institution declined = onboarding.apply("Kermis Kunstkar", InstitutionType.OTHER, "GM0794", "Kees Kar",
                "kees@kunstkar.nl", "Wij verkopen geen kaartjes, maar willen graag meedoen.");
        decide(declined, false, "De pilot vraagt ticketingdata; zonder kaartverkoop is er niets te segmenteren.");

        // invited, waiting for the contact person to accept (the link is on the "Verzonden e-mail" page)
        onboarding.invite("Poppodium De Kelder", InstitutionType.MUSIC_VENUE, "GM0758", "Pim Podium", "pim@dekelder.nl", COORDINATOR);

        // invited, never answered: the 14 days are over, the coordinator decides to re-send or cancel
        Institution expired = onboarding.invite("Filmhuis Het Witte Doek", InstitutionType.CINEMA, "GM0748", "Wendy Wit",
                "wendy@wittedoek.nl", COORDINATOR);
        workflow.fireTimerNow(processOf(expired), "invitationExpired");

        // accepted, profile half done: the members' task "Profiel invullen" is open
        Institution lindeboom = acceptedInvitation("Schouwburg De Lindeboom", InstitutionType.THEATRE, "GM0828",
                "Lotte Linde", "lotte@lindeboom.nl");
        profiles.saveOrganisation(lindeboom.getId(), lindeboom.getName(), InstitutionType.THEATRE, "41234567",
                "Lindeboomstraat 1", "5341 AA", "Oss", "https://lindeboom.example");
        profiles.addVenue(lindeboom.getId(), "Grote zaal", "Lindeboomstraat 1", "5341 AA", "Oss");

        // submitted, sent back with a comment, waiting for the members again
        Institution wolk = acceptedInvitation("Jazzpodium De Wolk", InstitutionType.MUSIC_VENUE, "GM0855", "Wim Wolk", "wim@dewolk.nl");
        completeProfile(wolk, "41000001", "Wolkenweg 5", "5038 AB", "Tilburg", "Dora Dirigent", "dora@dewolk.nl");
        submit(wolk, "wim@dewolk.nl");
        review(wolk, false, "Voeg ook de zomerlocatie in het park toe; daar verkoopt u de meeste kaarten.");

        // submitted, waiting for the coordinator's review
        Institution spoel = acceptedInvitation("Textielmuseum De Spoel", InstitutionType.MUSEUM, "GM0855", "Sanne Spoel", "sanne@despoel.nl");
        completeProfile(spoel, "41000002", "Goirkestraat 96", "5046 GN", "Tilburg", "Dirk Draad", "dirk@despoel.nl");
        submit(spoel, "sanne@despoel.nl");

        // cancelled by the coordinator
        Institution buiten = onboarding.invite("Festival Buitengewoon", InstitutionType.FESTIVAL, "GM0772", "Bo Buiten",
                "bo@buitengewoon.nl", COORDINATOR);
        onboarding.cancel(buiten.getId(), "Het festival gaat dit jaar niet door.", COORDINATOR);
        LOG.info("Onboarding demo loaded");
    }

    private Institution acceptedInvitation(String name, InstitutionType type, String municipality, String contact, String email) {
        Institution institution = onboarding.invite(name, type, municipality, contact, email, COORDINATOR);
        String link = mail.latestLink(email, "/public/invitation.xhtml").orElseThrow();
        invitations.accept(link.substring(link.indexOf("token=") + "token=".length()), DemoData.PASSWORD);
        return institution;
    }

    private void completeProfile(Institution institution, String kvk, String street, String postcode, String city,
                                 String director, String directorEmail) {
        profiles.saveOrganisation(institution.getId(), institution.getName(), institution.getType(), kvk, street, postcode, city, null);
        profiles.addVenue(institution.getId(), "Hoofdlocatie", street, postcode, city);
        profiles.saveTicketing(institution.getId(), TicketingSystem.TICKETMATIC, null);
        profiles.appointDirector(institution.getId(), director, directorEmail, COORDINATOR);
    }

    private void submit(Institution institution, String member) {
        String taskId = workflow.openTask(processOf(institution), "completeProfile").orElseThrow().id();
        profiles.submit(taskId, institution.getId(), member);
    }

    private void review(Institution institution, boolean approve, String comment) {
        String taskId = workflow.openTask(processOf(institution), "reviewOnboarding").orElseThrow().id();
        onboarding.review(taskId, approve, comment, COORDINATOR);
    }

    private void decide(Institution institution, boolean accept, String reason) {
        String taskId = workflow.openTask(processOf(institution), "decideOnApplication").orElseThrow().id();
        onboarding.decideOnApplication(taskId, accept, reason, COORDINATOR);
    }

    private String processOf(Institution institution) {
        return onboarding.processInstance(institution.getId()).orElseThrow();
    }
}
