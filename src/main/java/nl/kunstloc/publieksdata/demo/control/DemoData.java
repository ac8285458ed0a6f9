package nl.kunstloc.publieksdata.demo.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
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
import nl.kunstloc.publieksdata.platform.startup.StartupFailure;
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

    // load: the processes, documents and reports of the demo are loaded after the deployment (issue 15, start-up)
    @Resource
    ManagedExecutorService executor;

    /**
     * The accounts and the first institutions at once (so the first page and signing in work as soon as Payara
     * says "ready"); the rest of the demo (processes, agreement PDFs, deliveries, reports: ~10 s) on a thread of
     * the application server's executor after the deployment. The job executor starts when all of it is loaded, so
     * {@code /health/ready} answers UP only then (the integration tests wait for that). A failure there ends the
     * start as any other start-up failure does.
     */
    @PostConstruct
    void load() {
        if (!demo) {
            return;
        }
        if (accounts.exists("coordinator@kunstloc.nl")) {
            printLogins();
            workflow.startJobExecutor();
            return;
        }
        boolean deferred = false;
        try {
            loadAccounts();
            executor.execute(this::loadProcessesAndStartJobs);
            deferred = true;
        } finally {
            if (!deferred) {
                workflow.startJobExecutor();
            }
        }
    }

    private void loadProcessesAndStartJobs() {
        long start = System.nanoTime();
        try {
            loadProcesses();
            LOG.info(() -> String.format("Demo data loaded (%.1f s after the deployment)", (System.nanoTime() - start) / 1e9));
            printLogins();
            workflow.startJobExecutor();
        } catch (RuntimeException e) {
            LOG.log(java.util.logging.Level.SEVERE, "The demo data could not be loaded", e);
            throw StartupFailure.stop("the demo data could not be loaded: " + e,
                    "see the stack trace above; delete ./data (the demo's database) and start again", e);
        }
    }

    private void loadAccounts() {
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
    }

    private void loadProcesses() {
        onboardingDemo.load();
        agreementDemo.load();
        sessionDemo.load();
        deliveryDemo.load();
        reportDemo.load(); // report
        dashboardDemo.load(); // dashboard
        dashboardDemo.loadBenchVolume(); // dashboard: only when the overview benchmark asks for it
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
