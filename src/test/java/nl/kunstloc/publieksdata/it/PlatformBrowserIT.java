package nl.kunstloc.publieksdata.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

/** Each demo role signs in and sees its own menu and inbox; throttling, language, and sign-out as users meet them. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformBrowserIT {

    /** Created by the administrator in this test, locked by the throttling test: no other test needs it. */
    static final String NEW_USER = "nieuwe.beleidsmaker@brabant.nl";
    static final String NEW_USER_PASSWORD = "Beleid-2026-nieuw";

    static final String PASSWORD = "demo-2026!";
    static PortalServer portal;
    static Browser browser;

    @BeforeAll
    static void start() {
        portal = PortalServer.get();
        browser = new Browser(portal);
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @Test
    void coordinatorSeesCoordinationMenuAndTheInbox() {
        browser.login("coordinator@kunstloc.nl", PASSWORD);
        assertThat(browser.currentPath()).as("a coordinator starts on the pilot overview").startsWith("/dashboard/overview.xhtml");
        browser.assertHeading("Pilotoverzicht");
        browser.click(By.id("menu-inbox"));
        assertThat(browser.currentPath()).startsWith("/tasks/inbox.xhtml");
        browser.checkAccessibility().screenshot("inbox-coordinator");
        browser.assertHeading("Mijn taken");
        assertThat(browser.text(By.id("current-user"))).isEqualTo("Carla Coördinator");
        assertThat(browser.texts(By.cssSelector(".menu a"))).extracting(String::trim)
                .contains("Mijn taken", "Incidenten", "Auditlog").doesNotContain("Gebruikers");
        browser.open("/tasks/incidents.xhtml").screenshot("incidents");
        browser.assertHeading("Incidenten");
        browser.open("/audit/log.xhtml").screenshot("audit-log");
        assertThat(browser.pageSource()).contains("user.login");
        browser.logout();
    }

    @Test
    @Order(1)
    void administratorCreatesAUserWithARoleAndTheUserCanSignIn() {
        browser.login("beheer@kunstloc.nl", PASSWORD);
        assertThat(browser.texts(By.cssSelector(".menu a"))).extracting(String::trim).contains("Gebruikers", "Auditlog");
        browser.open("/admin/users.xhtml").screenshot("admin-users");
        assertThat(browser.pageSource()).contains("marketing@dommeltheater.nl");

        browser.click(By.id("users:new")).awaitAjax();
        browser.type(By.id("userForm:email"), NEW_USER);
        browser.type(By.id("userForm:name"), "Nieuwe Beleidsmaker");
        browser.click(By.xpath("//label[normalize-space()='Medewerker instelling']"));
        browser.type(By.id("userForm:password"), NEW_USER_PASSWORD);
        browser.click(By.id("userForm:save")).awaitAjax();
        assertThat(browser.text(By.cssSelector("#userForm .msg-error"))).contains("horen bij een instelling");
        browser.checkAccessibility().screenshot("admin-user-dialog-error");

        browser.click(By.xpath("//label[normalize-space()='Medewerker instelling']"));
        browser.click(By.xpath("//label[normalize-space()='Beleidsmaker']"));
        // a password is never sent back to the browser, so after an error it is typed again
        browser.type(By.id("userForm:password"), NEW_USER_PASSWORD);
        browser.click(By.id("userForm:save")).awaitAjax();
        browser.waiting().until(d -> d.findElement(By.id("users:list")).getText().contains(NEW_USER));
        browser.logout();

        browser.login(NEW_USER, NEW_USER_PASSWORD);
        browser.assertHeading("Gemeenteoverzicht"); // a policymaker starts there; no area is set yet
        assertThat(browser.text(By.id("no-area"))).contains("beheerder");
        assertThat(browser.texts(By.cssSelector(".menu-heading"))).extracting(String::trim).contains("BELEID");
        browser.logout();
    }

    @Test
    @Order(2)
    void administratorImportsASegmentModelWhichIsStoredOnlyWhenAllOfItIsRight() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("model");
        java.nio.file.Path segments = java.nio.file.Files.writeString(dir.resolve("segmenten.csv"), """
                code,name_nl,name_en,description,colour
                ALLES,Culturele alleseters,Cultural omnivores,Gaan overal heen,#1b9e77
                PROEF,Proevende buitenwijkers,Suburban samplers,,#d95f02
                """);
        // 5611 has 8,235 inhabitants (CBS 2021); 1012 is Amsterdam, not in the Brabant reference; 12x is no number
        java.nio.file.Path broken = java.nio.file.Files.writeString(dir.resolve("aantallen-fout.csv"),
                "pc4;ALLES;PROEF;total\n5611;5000;3235;8235\n1012;10;10;20\n5612;12x;5;17\n");
        java.nio.file.Path counts = java.nio.file.Files.writeString(dir.resolve("aantallen.csv"),
                "pc4;ALLES;PROEF;total\n5611;5000;3235;8235\n");

        browser.login("beheer@kunstloc.nl", PASSWORD);
        browser.click(By.id("menu-models"));
        browser.assertHeading("Segmentmodellen");
        assertThat(browser.text(By.id("models:list"))).contains("cbs-levensfase", "voor nieuwe rapporten");
        browser.checkAccessibility().screenshot("admin-models");

        fillModel("proef-model", segments, broken);
        browser.assertHeading("Segmentmodellen");
        String findings = browser.text(By.id("importForm:problems"));
        assertThat(findings).contains("Onbekend PC4-gebied", "Geen geldig (niet-negatief) getal");
        assertThat(browser.text(By.id("models:messages"))).contains("niet opgeslagen");
        assertThat(browser.text(By.id("models:list"))).doesNotContain("proef-model");
        browser.checkAccessibility().screenshot("admin-models-refused");

        fillModel("proef-model", segments, counts);
        assertThat(browser.text(By.id("models:messages"))).contains("Proefmodel versie 1 is opgeslagen: 2 segmenten, 1 PC4-gebieden");
        assertThat(browser.text(By.id("models:list"))).contains("proef-model");

        By retire = By.xpath("//tr[contains(., 'proef-model')]//button[contains(@id, 'retire')]");
        browser.click(retire);
        browser.click(By.cssSelector(".ui-confirmdialog-yes"));
        browser.waiting().until(d -> d.findElement(By.xpath("//tr[contains(., 'proef-model')]")).getText().contains("ingetrokken"));
        assertThat(browser.text(By.id("models:list"))).contains("cbs-levensfase");
        browser.logout();
    }

    private static void fillModel(String code, java.nio.file.Path segments, java.nio.file.Path counts) {
        browser.type(By.id("importForm:code"), code);
        browser.type(By.id("importForm:name"), "Proefmodel");
        browser.type(By.id("importForm:licence"), "alleen voor de test");
        browser.driver().findElement(By.id("importForm:segmentsFile")).sendKeys(segments.toAbsolutePath().toString());
        browser.driver().findElement(By.id("importForm:countsFile")).sendKeys(counts.toAbsolutePath().toString());
        browser.submit(By.id("importForm:submit"));
        browser.waiting().until(d -> !d.findElements(By.id("models:messages")).isEmpty()
                && !d.findElement(By.id("models:messages")).getText().isBlank());
    }

    @Test
    void coordinatorSeesTheProcessDiagramWithDoneAndCurrentStepsMarked() throws Exception {
        browser.login("coordinator@kunstloc.nl", PASSWORD);
        browser.click(By.id("menu-institutions"));
        // the demo's De Spoel has submitted its profile and waits for the coordinator's review (found by name:
        // the pilot has more than a page of institutions)
        browser.type(By.id("institutions:text"), "Spoel");
        browser.waiting().until(d -> d.findElements(By.linkText("Textielmuseum De Spoel")).size() == 1);
        browser.click(By.linkText("Textielmuseum De Spoel"));
        browser.consoleErrors();
        browser.click(By.linkText("Alle stappen en opmerkingen"));
        awaitDiagram();
        assertThat(browser.driver().findElements(By.cssSelector("#diagram [data-element-id='completeProfile'].step-done")))
                .as("the profile step is done").hasSize(1);
        assertThat(browser.driver().findElements(By.cssSelector("#diagram [data-element-id='reviewOnboarding'].step-current")))
                .as("the review is the current step").hasSize(1);
        assertThat(browser.driver().findElements(By.cssSelector("#diagram [data-element-id='activateInstitution'][class*='step-']")))
                .as("a step not reached is not marked").isEmpty();
        assertThat(browser.driver().findElement(By.id("diagram-text")).getAttribute("textContent"))
                .contains("Afgeronde stappen: ", "Profiel van de instelling invullen", "Huidige stap: Profiel beoordelen");
        assertThat(browser.consoleErrors()).as("console of the process page").isEmpty();
        browser.checkAccessibility().screenshot("process-diagram");

        // keyboard: Ctrl + arrow keys move the focused diagram, Tab leaves it (past the bpmn.io link) for the zoom buttons
        WebDriver driver = browser.driver();
        By viewport = By.cssSelector("#diagram .djs-container svg .viewport");
        String before = driver.findElement(viewport).getAttribute("transform");
        driver.findElement(By.id("diagram-zoom-in")).click();
        browser.waiting().until(d -> !before.equals(d.findElement(viewport).getAttribute("transform")));
        ((JavascriptExecutor) driver).executeScript("document.getElementById('diagram').focus();");
        String zoomed = driver.findElement(viewport).getAttribute("transform");
        driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, Keys.ARROW_LEFT));
        browser.waiting().until(d -> !zoomed.equals(d.findElement(viewport).getAttribute("transform")));
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("diagram-zoom-in");

        // every process the portal runs (the demo has them all): one running and one ended instance of each, where there is one
        Map<String, String> instanceOfEachProcess = new TreeMap<>();
        try (Connection db = portal.openDatabase(); ResultSet rs = db.createStatement().executeQuery(
                "select proc_def_key_, id_, end_time_ is null from act_hi_procinst order by start_time_")) {
            while (rs.next()) {
                instanceOfEachProcess.putIfAbsent(rs.getString(1) + (rs.getBoolean(3) ? "" : "-ended"), rs.getString(2));
            }
        }
        assertThat(instanceOfEachProcess).containsKeys("onboarding", "onboarding-ended", "dataSharingAgreement",
                "dataDelivery", "knowledgeSession", "audienceReport");
        instanceOfEachProcess.forEach((process, id) -> {
            browser.open("/tasks/process.xhtml?id=" + id);
            awaitDiagram();
            assertThat(browser.driver().findElements(By.cssSelector("#diagram .djs-shape.step-done"))).as(process).isNotEmpty();
            assertThat(browser.consoleErrors()).as("console of the " + process + " page").isEmpty();
            browser.screenshot("process-diagram-" + process);
        });
        browser.logout();
    }

    /** Waits until bpmn-js has drawn the diagram and the page's script has marked it (or has shown why not). */
    private static void awaitDiagram() {
        try {
            browser.waiting().until(d -> !d.findElements(By.cssSelector("#diagram.diagram-ready, #diagram.diagram-failed")).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("process-diagram-timeout");
            throw new AssertionError("no diagram on " + browser.currentPath() + " (\"" + browser.heading() + "\"); console: "
                    + browser.consoleErrors(), e);
        }
        assertThat(browser.driver().findElements(By.cssSelector("#diagram.diagram-failed")))
                .as("diagram failed: %s", browser.consoleErrors()).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#diagram .djs-container svg .djs-shape"))).isNotEmpty();
    }

    @Test
    void institutionMemberAndDirectorStartOnTheirInboxAPolicymakerOnTheMunicipalityViewAndOpensTheInbox() {
        for (String user : new String[]{"marketing@dommeltheater.nl", "directie@dommeltheater.nl", "beleid@brabant.nl"}) {
            browser.login(user, PASSWORD);
            if (user.startsWith("beleid")) {
                assertThat(browser.currentPath()).as(user).startsWith("/dashboard/municipality.xhtml");
                browser.click(By.id("menu-inbox"));
            }
            assertThat(browser.currentPath()).as(user).startsWith("/tasks/inbox.xhtml");
            browser.assertHeading("Mijn taken");
            assertThat(browser.texts(By.cssSelector(".menu a"))).extracting(String::trim)
                    .as(user).doesNotContain("Incidenten", "Auditlog", "Gebruikers");
            browser.checkAccessibility().screenshot("inbox-" + user.substring(0, user.indexOf('@')));
            browser.logout();
        }
    }

    @Test
    void languageCanBeSwitchedToEnglish() {
        browser.login("data@zomerklanken.nl", PASSWORD);
        browser.click(By.id("shellForm:lang-en"));
        browser.waiting().until(d -> d.findElement(By.tagName("h1")).getText().equals("My tasks"));
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        browser.checkAccessibility().screenshot("inbox-english");
        browser.click(By.id("shellForm:lang-nl"));
        browser.waiting().until(d -> d.findElement(By.tagName("h1")).getText().equals("Mijn taken"));
        browser.logout();
    }

    @Test
    @Order(2)
    void wrongPasswordFiveTimesInARowIsThrottledEvenForTheRightPassword() {
        for (int i = 1; i <= 4; i++) {
            browser.login(NEW_USER, "wrong-password-" + i);
            assertThat(browser.text(By.cssSelector(".msg-error"))).contains("klopt niet");
        }
        browser.login(NEW_USER, "wrong-password-5");
        assertThat(browser.text(By.cssSelector(".msg-error"))).contains("Te veel mislukte pogingen");
        browser.login(NEW_USER, NEW_USER_PASSWORD);
        assertThat(browser.currentPath()).startsWith("/login.xhtml");
        assertThat(browser.text(By.cssSelector(".msg-error"))).contains("Te veel mislukte pogingen");
        browser.checkAccessibility().screenshot("login-throttled");

        // an address without an account answers the same, so trying cannot tell who has an account
        for (int i = 1; i <= 4; i++) {
            browser.login("bestaat-niet@example.nl", "wrong-password-" + i);
            assertThat(browser.text(By.cssSelector(".msg-error"))).contains("klopt niet");
        }
        browser.login("bestaat-niet@example.nl", "wrong-password-5");
        assertThat(browser.text(By.cssSelector(".msg-error"))).contains("Te veel mislukte pogingen");
    }

    @Test
    void loginPageAndLandingPageAreOpenToEveryone() {
        browser.driver().manage().deleteAllCookies();
        browser.open("/login.xhtml").screenshot("login");
        browser.assertHeading("Inloggen");
        browser.open("/").screenshot("landing");
        assertThat(browser.heading()).contains("Ken je publiek!");
    }
}
