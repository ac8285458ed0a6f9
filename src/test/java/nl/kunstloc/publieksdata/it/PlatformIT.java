package nl.kunstloc.publieksdata.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.io.File;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import nl.kunstloc.publieksdata.admin.control.UserAdministration;
import nl.kunstloc.publieksdata.platform.audit.AuditTrail;
import nl.kunstloc.publieksdata.platform.persistence.DatabaseMigration;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.workflow.InboxQuery;
import nl.kunstloc.publieksdata.workflow.WorkTask;
import nl.kunstloc.publieksdata.workflow.Workflow;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform inside Payara Micro (Arquillian), on PostgreSQL in CI: the schema migrated, the
 * engine's job executor working inside the server's transactions, the inbox honouring institution
 * boundaries, failures surfacing as incidents, and audit lines sharing their action's transaction.
 */
@ExtendWith(ArquillianDatabase.class)
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

    @Deployment
    static WebArchive deployment() throws URISyntaxException {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ROOT.war"));
        war.addAsResource("bpmn-it/platform-check.bpmn", "bpmn/platform-check.bpmn");
        war.addClasses(PlatformIT.class, ArquillianDatabase.class, PortalServer.class);
        // the portal denies every path it does not name; open Arquillian's test runner in this test deployment only
        war.addAsLibraries(ShrinkWrap.create(org.jboss.shrinkwrap.api.spec.JavaArchive.class, "arquillian-access.jar")
                .addAsManifestResource(new org.jboss.shrinkwrap.api.asset.StringAsset("""
                        <web-fragment xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                          <name>arquillianAccess</name>
                          <security-constraint>
                            <web-resource-collection>
                              <web-resource-name>arquillian test runner</web-resource-name>
                              <url-pattern>/ArquillianServletRunnerEE9</url-pattern>
                            </web-resource-collection>
                          </security-constraint>
                        </web-fragment>
                        """), "web-fragment.xml"));
        war.addAsLibraries(new File(org.assertj.core.api.Assertions.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        return war;
    }

    @Inject
    Workflow workflow;

    @Inject
    UserAdministration administration;

    @Inject
    AuditTrail audit;

    @Inject
    DatabaseMigration database;

    @Test
    void theSchemaIsMigratedOnTheConfiguredDatabase() {
        String expected = PortalServer.postgresAnswers() ? "PostgreSQL" : "H2";
        assertThat(database.databaseProduct()).isEqualTo(expected);
    }

    @Test
    void anInstitutionTaskIsInTheInboxOfThatInstitutionOnlyAndCompletingItRecordsWhoDidIt() {
        String pid = start(101L, false);
        WorkTask task = workflow.openTask(pid, "confirmCheck").orElseThrow();
        assertThat(task.institutionName()).isEqualTo("Instelling 101");

        assertThat(inbox("member-a@example.nl", Set.of("institution-101-INSTITUTION_MEMBER"), InboxQuery.Scope.MINE_AND_GROUPS))
                .extracting(WorkTask::id).contains(task.id());
        assertThat(inbox("member-b@example.nl", Set.of("institution-202-INSTITUTION_MEMBER"), InboxQuery.Scope.MINE_AND_GROUPS))
                .extracting(WorkTask::id).doesNotContain(task.id());
        assertThat(inbox("coordinator@example.nl", Set.of("COORDINATOR"), InboxQuery.Scope.ALL))
                .extracting(WorkTask::id).contains(task.id());

        workflow.claim(task.id(), "member-a@example.nl");
        assertThat(inbox("member-a@example.nl", Set.of(), InboxQuery.Scope.ASSIGNED_TO_ME)).extracting(WorkTask::id).contains(task.id());

        workflow.complete(task.id(), "member-a@example.nl", Map.of());
        assertThatThrownBy(() -> workflow.complete(task.id(), "member-a@example.nl", Map.of()))
                .as("a second click on the same task").isInstanceOf(UserFacingException.class);

        awaitUntil(() -> workflow.process(pid).orElseThrow().isEnded(), "the asynchronous step ran and the process ended");
        assertThat(workflow.history(pid)).anySatisfy(step -> {
            assertThat(step.activityId()).isEqualTo("confirmCheck");
            assertThat(step.completedBy()).isEqualTo("member-a@example.nl");
        });
        assertThat(workflow.processVariables(pid)).containsEntry("checked", true);
    }

    @Test
    void aFailingStepBecomesAnIncidentThatCoordinatorsSeeAndCanRetry() {
        String pid = start(303L, true);
        WorkTask task = workflow.openTask(pid, "confirmCheck").orElseThrow();
        workflow.complete(task.id(), "member@example.nl", Map.of());
        awaitUntil(() -> workflow.incidents().stream().anyMatch(i -> i.processInstanceId().equals(pid)), "an incident appears");
        var incident = workflow.incidents().stream().filter(i -> i.processInstanceId().equals(pid)).findFirst().orElseThrow();
        assertThat(incident.activityId()).isEqualTo("failOnPurpose");
        assertThat(incident.institutionName()).isEqualTo("Instelling 303");
        assertThat(incident.message()).isNotBlank();
        assertThat(workflow.process(pid).orElseThrow().isEnded()).as("stuck, not silently gone").isFalse();
    }

    @Test
    void overdueTasksCanBeFilteredAndTextSearchFindsTheInstitution() {
        String pid = start(404L, false, Instant.now().minus(Duration.ofDays(2)));
        WorkTask task = workflow.openTask(pid, "confirmCheck").orElseThrow();
        var overdue = new InboxQuery("c@example.nl", Set.of("COORDINATOR"), InboxQuery.Scope.ALL, "Instelling 404", null,
                Instant.now(), InboxQuery.Sort.DUE, true);
        assertThat(workflow.inbox(overdue, 0, 10)).extracting(WorkTask::id).containsExactly(task.id());
        var otherText = new InboxQuery("c@example.nl", Set.of("COORDINATOR"), InboxQuery.Scope.ALL, "Instelling 999", null,
                null, InboxQuery.Sort.CREATED, false);
        assertThat(workflow.inbox(otherText, 0, 10)).extracting(WorkTask::id).doesNotContain(task.id());
    }

    @Test
    void anActionThatFailsLeavesNoAuditLineAndOneThatSucceedsLeavesExactlyOne() {
        var filter = new AuditTrail.AuditFilter(null, "user.create", "user", null, null, null, null);
        long before = audit.count(filter);
        administration.create("nieuw-" + System.nanoTime() + "@example.nl", "Nieuw", null, EnumSet.of(Role.POLICYMAKER), null);
        assertThat(audit.count(filter)).isEqualTo(before + 1);
        assertThatThrownBy(() -> administration.create("ok@example.nl", "Zonder instelling", null, EnumSet.of(Role.DIRECTOR), null))
                .isInstanceOf(UserFacingException.class);
        String duplicate = "dubbel-" + System.nanoTime() + "@example.nl";
        administration.create(duplicate, "Eerste", null, EnumSet.of(Role.POLICYMAKER), null);
        assertThatThrownBy(() -> administration.create(duplicate, "Tweede", null, EnumSet.of(Role.POLICYMAKER), null))
                .isInstanceOf(UserFacingException.class);
        assertThat(audit.count(filter)).isEqualTo(before + 2);
    }

    private String start(long institutionId, boolean fail) {
        return start(institutionId, fail, Instant.now().plus(Duration.ofDays(7)));
    }

    private String start(long institutionId, boolean fail, Instant due) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Workflow.INSTITUTION_ID, institutionId);
        vars.put(Workflow.INSTITUTION_NAME, "Instelling " + institutionId);
        vars.put("failOnPurpose", fail);
        vars.put("dueDate", java.util.Date.from(due));
        return workflow.start("platformCheck", "institution-" + institutionId + "-" + System.nanoTime(), vars, "it");
    }

    private java.util.List<WorkTask> inbox(String user, Set<String> groups, InboxQuery.Scope scope) {
        return workflow.inbox(new InboxQuery(user, groups, scope, null, null, null, InboxQuery.Sort.CREATED, false), 0, 100);
    }

    private static void awaitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("waited 60 s for: " + what);
    }
}
