package nl.kunstloc.publieksdata.demo.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.logging.Logger;
import nl.kunstloc.publieksdata.agreement.control.AgreementWorkflow;
import nl.kunstloc.publieksdata.agreement.control.SigningConfirmation;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.institution.entity.Institution;
import nl.kunstloc.publieksdata.institution.entity.InstitutionStatus;
import nl.kunstloc.publieksdata.institution.entity.InstitutionType;
import nl.kunstloc.publieksdata.onboarding.control.Profiles;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.platform.security.UserAccounts;
import nl.kunstloc.publieksdata.workflow.WorkTask;
import nl.kunstloc.publieksdata.workflow.Workflow;

/**
 * Agreements at every stage, made through the real process (the generation job run at once,
 * tasks completed with the demo password), so the engine's state matches what the pages show:
 * <ul>
 *   <li>Theater aan de Dommel: active, signed by Dirk Directeur and countersigned by Carla;</li>
 *   <li>Festival Zomerklanken: waiting for the signature of directie@zomerklanken.nl;</li>
 *   <li>Museum De Wever: declined by its director, the coordinator's decision waiting;</li>
 *   <li>Concertzaal De Klok: active, ending within 60 days, so the job executor asks for renewal
 *       right after start-up and a renewal waits for its director;</li>
 *   <li>Filmtheater De Spiegel: active, with deliveries of its own (see DeliveryDemo) that no other
 *       demo story touches, so its withdrawal and the end of its retention period can be tried
 *       without spoiling the others.</li>
 *   <li>Openluchttheater Heidezicht: signed by its director, the coordinator's countersignature waiting.</li>
 * </ul>
 * Fictitious KvK numbers and addresses.
 */
@Stateless
public class AgreementDemo {

    private static final Logger LOG = Logger.getLogger(AgreementDemo.class.getName());
    private static final String LOCALHOST = "127.0.0.1";
    private static final String COORDINATOR = "coordinator@kunstloc.nl";
    static final String SPIEGEL = "Filmtheater De Spiegel";
    static final String HEIDEZICHT = "Openluchttheater Heidezicht";

    @Inject
    Institutions institutions;

    @Inject
    UserAccounts accounts;

    @Inject
    AgreementWorkflow agreementWorkflow;

    @Inject
    Workflow workflow;

    @Inject
    Profiles profiles;

    @Inject
    Clock clock;

    /**
     * One container-managed transaction for all of it: the generation jobs are run here, inside it,
     * so the job executor cannot take them at the same moment (it sees them only after the commit).
     * A bean-managed or CDI @Transactional boundary here let the engine's writes commit apart from
     * the agreements' (seen on PostgreSQL), so this is an EJB on purpose. Mails go out at the commit.
     */
    public void load() {
        Institution dommel = institutions.findByName("Theater aan de Dommel").orElseThrow();
        describe(dommel, "40123456", "Dommelstraat 2", "5611 CK", "Eindhoven", "Dirk Directeur", "directie@dommeltheater.nl");
        Institution zomer = institutions.findByName("Festival Zomerklanken").orElseThrow();
        describe(zomer, "40234567", "Piushaven 20", "5017 AN", "Tilburg", "Fleur Festivaldirecteur", "directie@zomerklanken.nl");

        Institution wever = institutions.create("Museum De Wever", InstitutionType.MUSEUM, "GM0796", InstitutionStatus.ACTIVE);
        accounts.create("directie@museumdewever.nl", "Wendy Wever", wever.getId(), EnumSet.of(Role.DIRECTOR), DemoData.PASSWORD);
        describe(wever, "40345678", "Weversplein 5", "5211 AB", "'s-Hertogenbosch", "Wendy Wever", "directie@museumdewever.nl");

        Institution klok = institutions.create("Concertzaal De Klok", InstitutionType.MUSIC_VENUE, "GM0758", InstitutionStatus.ACTIVE);
        accounts.create("directie@deklok.nl", "Koen Klok", klok.getId(), EnumSet.of(Role.DIRECTOR), DemoData.PASSWORD);
        describe(klok, "40456789", "Klokstraat 8", "4811 AA", "Breda", "Koen Klok", "directie@deklok.nl");

        Institution spiegel = institutions.create(SPIEGEL, InstitutionType.CINEMA, "GM0794", InstitutionStatus.ACTIVE);
        accounts.create("directie@filmtheaterdespiegel.nl", "Sara Spiegel", spiegel.getId(), EnumSet.of(Role.DIRECTOR), DemoData.PASSWORD);
        accounts.create("programma@filmtheaterdespiegel.nl", "Pieter Programma", spiegel.getId(),
                EnumSet.of(Role.INSTITUTION_MEMBER), DemoData.PASSWORD);
        describe(spiegel, "40567890", "Markt 12", "5701 RK", "Helmond", "Sara Spiegel", "directie@filmtheaterdespiegel.nl");

        Institution heide = institutions.create(HEIDEZICHT, InstitutionType.THEATRE, "GM0824", InstitutionStatus.ACTIVE);
        accounts.create("directie@heidezicht.nl", "Hanna Heide", heide.getId(), EnumSet.of(Role.DIRECTOR), DemoData.PASSWORD);
        describe(heide, "40678901", "Heideweg 1", "5061 AA", "Oisterwijk", "Hanna Heide", "directie@heidezicht.nl");

        String dommelProcess = generated(dommel, null);
        sign(dommelProcess, "directie@dommeltheater.nl", "Dirk Directeur");
        countersign(dommelProcess);

        generated(zomer, null);

        String weverProcess = generated(wever, null);
        WorkTask sign = workflow.openTask(weverProcess, "signAgreement").orElseThrow();
        agreementWorkflow.directorDeclines(sign.id(), agreementId(weverProcess), "directie@museumdewever.nl",
                "Wij willen een bewaartermijn van 6 maanden in plaats van 12, en de subverwerkers bij naam in de bijlage.");

        // Two years ago plus 30 days: ends in about a month, inside the 60-day renewal window.
        LocalDate longAgo = LocalDate.now(clock).minusYears(2).plusDays(30);
        String klokProcess = generated(klok, longAgo);
        sign(klokProcess, "directie@deklok.nl", "Koen Klok");
        countersign(klokProcess);
        String spiegelProcess = generated(spiegel, null);
        sign(spiegelProcess, "directie@filmtheaterdespiegel.nl", "Sara Spiegel");
        countersign(spiegelProcess);
        sign(generated(heide, null), "directie@heidezicht.nl", "Hanna Heide");
        LOG.info("Demo agreements: active (Dommel, De Spiegel), awaiting director (Zomerklanken), declined (De Wever),"
                + " renewal due (De Klok), awaiting countersignature (Heidezicht)."
                + " More logins: directie@museumdewever.nl, directie@deklok.nl, directie@heidezicht.nl");
    }

    /** What the onboarding profile holds once it is complete: the agreement names these. */
    private void describe(Institution institution, String kvk, String street, String postcode, String city,
                          String director, String directorEmail) {
        profiles.saveOrganisation(institution.getId(), institution.getName(), institution.getType(), kvk, street, postcode, city, null);
        profiles.appointDirector(institution.getId(), director, directorEmail, COORDINATOR);
    }

    /** Starts the process and has the PDF generated now, so the director's task is open when the demo starts. */
    private String generated(Institution institution, LocalDate periodStart) {
        String processInstanceId = agreementWorkflow.start(institution.getId(), institution.getName(), null, periodStart);
        workflow.runDueJobs(processInstanceId);
        return processInstanceId;
    }

    private void sign(String processInstanceId, String director, String name) {
        WorkTask task = workflow.openTask(processInstanceId, "signAgreement").orElseThrow();
        agreementWorkflow.directorSigns(task.id(), agreementId(processInstanceId), director,
                new SigningConfirmation(DemoData.PASSWORD, name, true), LOCALHOST);
    }

    private void countersign(String processInstanceId) {
        WorkTask task = workflow.openTask(processInstanceId, "countersignAgreement").orElseThrow();
        agreementWorkflow.coordinatorCountersigns(task.id(), agreementId(processInstanceId), COORDINATOR,
                new SigningConfirmation(DemoData.PASSWORD, "Carla Coördinator", true), LOCALHOST);
    }

    private Long agreementId(String processInstanceId) {
        return ((Number) workflow.variable(processInstanceId, AgreementWorkflow.AGREEMENT_ID)).longValue();
    }

}
