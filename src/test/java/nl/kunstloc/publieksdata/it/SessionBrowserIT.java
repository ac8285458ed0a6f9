package nl.kunstloc.publieksdata.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * A knowledge session from plan to knowledge base, as its people click through it: the coordinator
 * plans a session for one person, two institutions' members register (the second waits), the
 * first cancels and the second moves up and is mailed; attendance, evaluation, notes with a
 * material, and the notes found by knowledge-base search. The process's timers (deadline,
 * reminder, end, evaluation week) are brought forward in the database, as time passing would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionBrowserIT {

    static final String PASSWORD = "demo-2026!";
    static final String COORDINATOR = "coordinator@kunstloc.nl";
    static final String DOMMEL = "marketing@dommeltheater.nl";
    static final String ZOMER = "data@zomerklanken.nl";
    static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");
    /** A word no demo text contains, so finding it proves the search found these notes. */
    static final String MARKER = "Publieksbrugwerking";

    static PortalServer portal;
    static Browser browser;
    static String title;
    static long sessionId;

    @BeforeAll
    static void start() {
        portal = PortalServer.get();
        browser = new Browser(portal);
        title = "Samen publiek delen " + System.currentTimeMillis() % 100000;
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @Test
    @Order(1)
    void coordinatorPlansASessionForOnePerson() {
        browser.login(COORDINATOR, PASSWORD);
        browser.open("/session/sessions.xhtml").screenshot("session-list");
        assertThat(browser.pageSource()).contains("Wie komt er naar de zomerfestivals?");
        browser.click(By.id("sessions:plan"));
        browser.waiting().until(d -> d.getCurrentUrl().contains("/session/plan.xhtml"));
        browser.checkAccessibility();

        // a mistake first: the deadline after the start is refused, nothing is planned
        LocalDateTime start = LocalDateTime.now().plusDays(10).withHour(14).withMinute(0);
        browser.type(By.id("plan:title"), title).type(By.id("plan:theme"), "Samenwerking");
        date("plan:startsAt", start);
        date("plan:endsAt", start.plusHours(2));
        date("plan:deadline", start.plusDays(1));
        browser.type(By.id("plan:place"), "Kunstloc Brabant, Tilburg");
        browser.type(By.id("plan:capacity"), "1");
        browser.type(By.id("plan:agenda"), "Wat leren theaters en festivals van elkaars publiek?");
        browser.click(By.id("plan:save")).awaitAjax();
        assertThat(browser.text(By.cssSelector(".msg-error"))).contains("aanmelddatum moet voor het begin");
        browser.checkAccessibility();

        date("plan:deadline", start.minusDays(3));
        browser.screenshot("session-plan");
        browser.click(By.id("plan:save"));
        browser.waiting().until(d -> d.getCurrentUrl().contains("/session/detail.xhtml"));
        browser.checkAccessibility();
        browser.assertHeading(title);
        assertThat(browser.text(By.cssSelector(".msg-info"))).contains("is gepland");
        sessionId = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));

        Mailbox.ReceivedMail invitation = Mailbox.await(DOMMEL, title);
        assertThat(invitation.attachmentNames()).contains("kennissessie.ics");
        assertThat(invitation.link("/session/detail.xhtml")).endsWith("id=" + sessionId);
        browser.logout();
    }

    @Test
    @Order(2)
    void theFirstRegistersFromTheInboxAndTheSecondLandsOnTheWaitingList() {
        browser.login(DOMMEL, PASSWORD);
        browser.checkAccessibility();
        assertThat(browser.text(By.cssSelector(".session-invitations"))).contains(title);
        browser.screenshot("session-inbox-invitation");
        browser.click(By.xpath("//div[contains(@class,'session-invitations')]//li[contains(.,'" + title + "')]//a"));
        browser.waiting().until(d -> d.getCurrentUrl().contains("/session/detail.xhtml"));
        browser.checkAccessibility();
        browser.click(By.id("detail:register")).awaitAjax();
        assertThat(browser.text(By.cssSelector(".msg-info"))).contains("U bent aangemeld");
        browser.checkAccessibility().screenshot("session-registered");
        browser.logout();

        browser.login(ZOMER, PASSWORD);
        browser.open("/session/detail.xhtml?id=" + sessionId);
        assertThat(browser.text(By.id("detail:register"))).isEqualTo("Op de wachtlijst");
        browser.click(By.id("detail:register")).awaitAjax();
        assertThat(browser.text(By.cssSelector(".msg-warn"))).contains("wachtlijst", "plaats 1");
        browser.checkAccessibility().screenshot("session-waiting-list");
        browser.open("/session/my-registrations.xhtml").screenshot("session-my-registrations");
        assertThat(browser.text(By.id("mine:registrations"))).contains(title, "Wachtlijst");
        browser.logout();
    }

    @Test
    @Order(3)
    void aCancellationPromotesTheFirstOnTheWaitingListWhoIsMailed() {
        browser.login(DOMMEL, PASSWORD);
        browser.open("/session/detail.xhtml?id=" + sessionId);
        browser.click(By.id("detail:cancelRegistration")).awaitAjax();
        assertThat(browser.text(By.cssSelector(".msg-info"))).contains("afgemeld");
        browser.logout();

        Mailbox.ReceivedMail promoted = Mailbox.await(ZOMER, "plek vrij");
        assertThat(promoted.text()).contains(title, "wachtlijst");

        browser.login(COORDINATOR, PASSWORD);
        browser.open("/session/detail.xhtml?id=" + sessionId).screenshot("session-detail-coordinator");
        assertThat(browser.text(By.id("detail:participants"))).contains("Daan Data");
        assertThat(browser.text(By.id("detail:waiting"))).contains("Niemand op de wachtlijst");
        browser.logout();
    }

    @Test
    @Order(4)
    void aSessionForAnotherAudienceAnswers404() throws SQLException {
        long theatresOnly;
        try (Connection c = portal.openDatabase(); var s = c.prepareStatement("select id from knowledge_session where audience_type = 'THEATRE'")) {
            var rs = s.executeQuery();
            assertThat(rs.next()).isTrue();
            theatresOnly = rs.getLong(1);
        }
        WebClient festival = new WebClient(portal);
        festival.login(ZOMER, PASSWORD);
        assertThat(festival.get("/session/detail.xhtml?id=" + theatresOnly).statusCode()).isEqualTo(404);
        assertThat(festival.get("/session/detail.xhtml?id=" + sessionId).statusCode()).isEqualTo(200);
        WebClient theatre = new WebClient(portal);
        theatre.login(DOMMEL, PASSWORD);
        assertThat(theatre.get("/session/detail.xhtml?id=" + theatresOnly).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void afterTheSessionAttendanceEvaluationAndNotesReachTheKnowledgeBase() throws Exception {
        String attendanceTask = bringForwardUntilTask("recordAttendance");
        browser.login(COORDINATOR, PASSWORD);
        browser.open("/session/attendance.xhtml?taskId=" + attendanceTask).screenshot("session-attendance");
        assertThat(browser.pageSource()).contains("Daan Data");
        browser.click(By.id("attendance:save"));
        browser.waiting().until(d -> d.getCurrentUrl().contains("/session/detail.xhtml"));
        browser.logout();

        Mailbox.ReceivedMail form = Mailbox.await(ZOMER, "Wat vond u van");
        browser.login(ZOMER, PASSWORD);
        browser.driver().get(form.link("/session/evaluate.xhtml"));
        browser.checkAccessibility();
        browser.click(By.cssSelector("label[for='evaluation:rating:3']"));
        browser.type(By.id("evaluation:comments"), "Nuttig: we gaan samen een actie opzetten.");
        browser.screenshot("session-evaluate");
        browser.click(By.id("evaluation:submit")).awaitAjax();
        assertThat(browser.text(By.cssSelector(".msg-info"))).contains("Dank u");
        browser.logout();

        String publishTask = bringForwardUntilTask("publishSessionNotes");
        browser.login(COORDINATOR, PASSWORD);
        browser.open("/session/publish.xhtml?taskId=" + publishTask);
        // a text file named .pdf is refused by its content, and nothing is stored
        Path fake = Files.createTempFile("notities", ".pdf");
        Files.writeString(fake, "just text, not a PDF", StandardCharsets.UTF_8);
        browser.driver().findElement(By.id("materials:file")).sendKeys(fake.toString());
        browser.click(By.id("materials:upload"));
        assertThat(browser.text(By.cssSelector(".msg-error"))).contains("geen PDF");
        assertThat(browser.driver().findElements(By.cssSelector(".materials li"))).isEmpty();
        Path pdf = Files.createTempFile("dia", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n", StandardCharsets.US_ASCII);
        browser.driver().findElement(By.id("materials:file")).sendKeys(pdf.toString());
        browser.click(By.id("materials:upload"));
        assertThat(browser.text(By.cssSelector(".msg-info"))).contains("is toegevoegd");
        assertThat(browser.texts(By.cssSelector(".materials li"))).hasSize(1);
        browser.type(By.id("publish:notes"), "De " + MARKER + " van theater en festival: samen een jongerenactie.\nAfspraak: gegevens delen per kwartaal.");
        browser.type(By.id("publish:tags"), "samenwerking, jongeren");
        browser.checkAccessibility().screenshot("session-publish");
        browser.click(By.id("publish:submit"));
        browser.waiting().until(d -> d.getCurrentUrl().contains("/session/detail.xhtml"));

        // the evaluation summary is added asynchronously: wait until the session is published
        awaitTrue(() -> {
            browser.open("/session/detail.xhtml?id=" + sessionId);
            return browser.text(By.id("status")).equals("Gepubliceerd");
        });
        browser.open("/session/knowledge-base.xhtml");
        browser.type(By.id("kb:text"), MARKER.toLowerCase());
        browser.click(By.id("kb:search")).awaitAjax();
        browser.waiting().until(d -> d.findElement(By.id("kb:results")).getText().contains(title));
        browser.checkAccessibility().screenshot("session-knowledge-base");
        browser.click(By.linkText(title));
        browser.waiting().until(d -> d.getCurrentUrl().contains("/session/article.xhtml"));
        browser.checkAccessibility().screenshot("session-article");
        assertThat(browser.text(By.id("body"))).contains(MARKER, "Evaluatie: 1 deelnemer gaf");
        assertThat(browser.pageSource()).contains("dia");
        browser.logout();
    }

    private void date(String id, LocalDateTime value) {
        browser.type(By.id(id), value.format(INPUT));
    }

    /** Moves the session's waiting timers to now until the task appears (as the days passing would). */
    private String bringForwardUntilTask(String taskKey) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = portal.openDatabase()) {
                String pid;
                try (var s = c.prepareStatement("select process_instance_id from knowledge_session where id = ?")) {
                    s.setLong(1, sessionId);
                    var rs = s.executeQuery();
                    rs.next();
                    pid = rs.getString(1);
                }
                try (var s = c.prepareStatement("select id_ from act_ru_task where proc_inst_id_ = ? and task_def_key_ = ?")) {
                    s.setString(1, pid);
                    s.setString(2, taskKey);
                    var rs = s.executeQuery();
                    if (rs.next()) {
                        return rs.getString(1);
                    }
                }
                try (var s = c.prepareStatement("update act_ru_job set duedate_ = ? where process_instance_id_ = ? and type_ = 'timer'")) {
                    s.setTimestamp(1, new Timestamp(System.currentTimeMillis() - 60_000));
                    s.setString(2, pid);
                    s.executeUpdate();
                }
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the process did not reach " + taskKey);
    }

    private static void awaitTrue(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (Optional.ofNullable(condition.get()).orElse(false)) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("condition not met within 60 s");
    }
}
