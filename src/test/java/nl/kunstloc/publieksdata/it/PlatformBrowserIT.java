package nl.kunstloc.publieksdata.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

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
        assertThat(browser.currentPath()).startsWith("/tasks/inbox.xhtml");
        browser.checkAccessibility().screenshot("inbox-coordinator");
        assertThat(browser.heading()).isEqualTo("Mijn taken");
        assertThat(browser.text(By.id("current-user"))).isEqualTo("Carla Coördinator");
        assertThat(browser.texts(By.cssSelector(".menu a"))).extracting(String::trim)
                .contains("Mijn taken", "Incidenten", "Auditlog").doesNotContain("Gebruikers");
        browser.open("/tasks/incidents.xhtml").screenshot("incidents");
        assertThat(browser.heading()).isEqualTo("Incidenten");
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
        assertThat(browser.heading()).isEqualTo("Mijn taken");
        assertThat(browser.texts(By.cssSelector(".menu-heading"))).extracting(String::trim).contains("BELEID");
        browser.logout();
    }

    @Test
    void institutionMemberAndDirectorAndPolicymakerSeeTheirInbox() {
        for (String user : new String[]{"marketing@dommeltheater.nl", "directie@dommeltheater.nl", "beleid@brabant.nl"}) {
            browser.login(user, PASSWORD);
            assertThat(browser.currentPath()).as(user).startsWith("/tasks/inbox.xhtml");
            assertThat(browser.heading()).isEqualTo("Mijn taken");
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
        assertThat(browser.heading()).isEqualTo("Inloggen");
        browser.open("/").screenshot("landing");
        assertThat(browser.heading()).contains("Ken je publiek!");
    }
}
