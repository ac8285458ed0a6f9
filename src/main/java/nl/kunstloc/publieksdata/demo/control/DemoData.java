package nl.kunstloc.publieksdata.demo.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.logging.Logger;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.institution.entity.Institution;
import nl.kunstloc.publieksdata.institution.entity.InstitutionStatus;
import nl.kunstloc.publieksdata.institution.entity.InstitutionType;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.platform.security.UserAccounts;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A lively pilot for newcomers, loaded at start-up in demo mode only (publieksdata.demo=true) and
 * only into an empty database: users for every role, institutions at every stage of every workflow.
 * Every demo user has the password {@link #PASSWORD}. No transaction spans the loading: each step
 * commits on its own, as a person's clicks would, so the mails between steps go out.
 */
@Singleton
@Startup
@DependsOn({"WorkflowEngine", "DemoMailServer", "DefaultModelLoader"}) // dashboard: its reports need the stored default model
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoData {

    public static final String PASSWORD = "demo-2026!";
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @Inject
    @ConfigProperty(name = "publieksdata.demo", defaultValue = "false")
    boolean demo;

    @Inject
    UserAccounts accounts;

    @Inject
    nl.kunstloc.publieksdata.workflow.Workflow workflow;

    @Inject
    Institutions institutions;

    @Inject
    OnboardingDemo onboardingDemo;

    @Inject
    AgreementDemo agreementDemo;

    @Inject
    SessionDemo sessionDemo;

    @Inject
    DeliveryDemo deliveryDemo;

    // report: audience reports at every stage
    @Inject
    ReportDemo reportDemo;

    // dashboard: first-round published reports, policymakers per area
    @Inject
    DashboardDemo dashboardDemo;

    @PostConstruct
    void load() {
        try {
            loadOnce();
        } finally {
            if (demo) {
                workflow.startJobExecutor();
            }
        }
    }

    private void loadOnce() {
        if (!demo) {
            return;
        }
        if (accounts.exists("coordinator@kunstloc.nl")) {
            printLogins();
            return;
        }
        accounts.create("coordinator@kunstloc.nl", "Carla Coördinator", null, EnumSet.of(Role.COORDINATOR), PASSWORD);
        accounts.create("beheer@kunstloc.nl", "Bart Beheer", null, EnumSet.of(Role.ADMIN), PASSWORD);
        accounts.create("beleid@brabant.nl", "Bea Beleid", null, EnumSet.of(Role.POLICYMAKER), PASSWORD);
        // an account an administrator has not given a role yet: it can sign in, and sees nothing
        accounts.create("nog-geen-rol@kunstloc.nl", "Nina Nieuw", null, EnumSet.noneOf(Role.class), PASSWORD);

        Institution dommel = institutions.create("Theater aan de Dommel", InstitutionType.THEATRE, "GM0772", InstitutionStatus.ACTIVE);
        accounts.create("marketing@dommeltheater.nl", "Mila Marketing", dommel.getId(), EnumSet.of(Role.INSTITUTION_MEMBER), PASSWORD);
        accounts.create("directie@dommeltheater.nl", "Dirk Directeur", dommel.getId(), EnumSet.of(Role.DIRECTOR), PASSWORD);

        Institution zomer = institutions.create("Festival Zomerklanken", InstitutionType.FESTIVAL, "GM0855", InstitutionStatus.ACTIVE);
        accounts.create("data@zomerklanken.nl", "Daan Data", zomer.getId(), EnumSet.of(Role.INSTITUTION_MEMBER), PASSWORD);
        accounts.create("directie@zomerklanken.nl", "Fleur Festivaldirecteur", zomer.getId(), EnumSet.of(Role.DIRECTOR, Role.INSTITUTION_MEMBER), PASSWORD);

        onboardingDemo.load();
        agreementDemo.load();
        sessionDemo.load();
        deliveryDemo.load();
        reportDemo.load(); // report
        dashboardDemo.load(); // dashboard
        dashboardDemo.loadBenchVolume(); // dashboard: only when the overview benchmark asks for it
        LOG.info("Demo data loaded");
        printLogins();
    }

    private void printLogins() {
        LOG.info(() -> """

                ==================================================================
                 Ken je publiek! portal – demo logins (password for all: %s)
                   coordinator@kunstloc.nl      Coordinator
                   beheer@kunstloc.nl           Administrator
                   beleid@brabant.nl            Policymaker, the province
                   beleid@eindhoven.nl          Policymaker, Eindhoven
                   nog-geen-rol@kunstloc.nl     (no role yet: sees 403 everywhere)
                   marketing@dommeltheater.nl   Member, Theater aan de Dommel
                   directie@dommeltheater.nl    Director, Theater aan de Dommel
                   data@zomerklanken.nl         Member, Festival Zomerklanken
                   directie@zomerklanken.nl     Director + member, Festival Zomerklanken
                   lotte@lindeboom.nl           Member, Schouwburg De Lindeboom (profile half done)
                   wim@dewolk.nl                Member, Jazzpodium De Wolk (profile sent back)
                   programma@filmtheaterdespiegel.nl  Member, Filmtheater De Spiegel
                   directie@filmtheaterdespiegel.nl   Director, Filmtheater De Spiegel (may withdraw)
                 Invitation links of invited people: coordinator > "Verzonden e-mail".
                ==================================================================
                """.formatted(PASSWORD));
    }
}
