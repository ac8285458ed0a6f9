package nl.kunstloc.publieksdata.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * The whole onboarding as its three people live it, following the links in the real mails: the
 * coordinator invites, the contact person activates the account and completes the profile, the
 * coordinator sends it back and then approves, the director joins through the mailed link.
 * Mistakes on the way (a bad e-mail, KvK number, postcode; a link used twice; another
 * institution's task) get a clear answer and change nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OnboardingBrowserIT {

    static final String PASSWORD = "demo-2026!";
    static final String NEW_PASSWORD = "Nieuw-wachtwoord-42";
    static final String INSTITUTION = "Theater De Nieuwe Vorst";
    static final String CONTACT = "marit@nieuwevorst.nl";
    static final String DIRECTOR = "daan@nieuwevorst.nl";

    static PortalServer portal;
    static Browser browser;
    static String profileTaskUrl;

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
    @Order(1)
    void coordinatorInvitesAnInstitutionAndBadInputIsRefused() {
        browser.login("coordinator@kunstloc.nl", PASSWORD);
        browser.click(By.id("menu-institutions"));
        browser.assertHeading("Instellingen");
        browser.checkAccessibility().screenshot("onboarding-institutions");
        // more than a page of institutions: found by name, as a coordinator does
        for (String name : new String[] {"Textielmuseum De Spoel", "Poppodium De Kelder"}) {
            browser.type(By.id("institutions:text"), name.substring(name.lastIndexOf(' ') + 1));
            browser.waiting().until(d -> d.findElement(By.id("institutions:list")).getText().contains(name));
        }
        browser.type(By.id("institutions:text"), "Nieuwe Vorst");
        browser.waiting().until(d -> d.findElement(By.id("institutions:list")).getText().contains("Geen"));

        browser.click(By.id("institutions:invite")).awaitAjax();
        browser.type(By.id("inviteForm:name"), INSTITUTION);
        browser.choose("inviteForm:newType", "Theater");
        browser.type(By.id("inviteForm:contactName"), "Marit Vorst");
        browser.type(By.id("inviteForm:contactEmail"), "marit-at-nieuwevorst.nl");
        browser.click(By.id("inviteForm:send")).awaitAjax();
        assertThat(browser.text(By.cssSelector("#inviteForm .msg-error"))).contains("geen geldig e-mailadres");
        browser.checkAccessibility().screenshot("onboarding-invite-dialog-error");

        browser.type(By.id("inviteForm:contactEmail"), CONTACT);
        browser.click(By.id("inviteForm:send")).awaitAjax();
        browser.waiting().until(d -> d.getPageSource().contains(INSTITUTION));
        assertThat(browser.pageSource()).contains(INSTITUTION, "Uitgenodigd");

        // the same contact invited again: refused, nothing created twice
        browser.click(By.id("institutions:invite")).awaitAjax();
        browser.type(By.id("inviteForm:name"), INSTITUTION + " (dubbel)");
        browser.choose("inviteForm:newType", "Theater");
        browser.type(By.id("inviteForm:contactName"), "Marit Vorst");
        browser.type(By.id("inviteForm:contactEmail"), CONTACT);
        browser.click(By.id("inviteForm:send")).awaitAjax();
        assertThat(browser.text(By.cssSelector("#inviteForm .msg-error"))).contains("al een uitnodiging");
        browser.click(By.id("inviteForm:cancelInvite"));
        browser.logout();
    }

    @Test
    @Order(2)
    void contactPersonFollowsTheMailedLinkAndActivatesTheAccountOnce() {
        Mailbox.ReceivedMail mail = Mailbox.await(CONTACT, "Uitnodiging voor");
        String link = mail.link("/public/invitation.xhtml");
        assertThat(link).startsWith(portal.baseUrl());

        browser.driver().manage().deleteAllCookies();
        browser.driver().get(link);
        browser.checkAccessibility().screenshot("onboarding-invitation");
        assertThat(browser.pageSource()).contains(INSTITUTION);
        browser.type(By.id("invitation:password"), NEW_PASSWORD);
        browser.type(By.id("invitation:passwordAgain"), NEW_PASSWORD + "x");
        browser.click(By.id("invitation:accept"));
        assertThat(browser.text(By.cssSelector(".msg-error"))).contains("niet gelijk");

        browser.type(By.id("invitation:password"), NEW_PASSWORD);
        browser.type(By.id("invitation:passwordAgain"), NEW_PASSWORD);
        browser.click(By.id("invitation:accept"));
        assertThat(browser.text(By.id("invitation-accepted"))).contains("geactiveerd");

        browser.driver().get(link);
        assertThat(browser.text(By.id("invitation-used"))).contains("al gebruikt");
        browser.checkAccessibility();
    }

    @Test
    @Order(3)
    void contactPersonCompletesTheProfileWithClearErrorsOnTheWay() {
        browser.login(CONTACT, NEW_PASSWORD);
        browser.click(By.linkText("Profiel van de instelling invullen"));
        profileTaskUrl = browser.driver().getCurrentUrl();
        browser.assertHeading("Profiel van uw instelling invullen");
        browser.checkAccessibility();

        browser.type(By.id("organisation:kvk"), "1234");
        browser.click(By.id("organisation:save")).awaitAjax();
        assertThat(browser.text(By.cssSelector("#messages .msg-error"))).contains("8 cijfers");

        browser.type(By.id("organisation:kvk"), "41299999");
        browser.type(By.id("organisation:street"), "Vorstplein 1");
        browser.type(By.id("organisation:postcode"), "5038 ab");
        browser.type(By.id("organisation:city"), "Tilburg");
        browser.click(By.id("organisation:save")).awaitAjax();
        assertThat(browser.text(By.cssSelector("#messages .msg-info"))).contains("Opgeslagen");

        browser.type(By.id("venues:venueName"), "Grote zaal");
        browser.type(By.id("venues:venueStreet"), "Vorstplein 1");
        browser.type(By.id("venues:venuePostcode"), "0123 AB");
        browser.type(By.id("venues:venueCity"), "Tilburg");
        browser.click(By.id("venues:addVenue")).awaitAjax();
        assertThat(browser.text(By.cssSelector("#messages .msg-error"))).contains("geen geldige Nederlandse postcode");
        browser.type(By.id("venues:venuePostcode"), "5038AB");
        browser.click(By.id("venues:addVenue")).awaitAjax();
        browser.waiting().until(d -> d.findElement(By.id("venues:venueList")).getText().contains("5038"));

        browser.choose("ticketing:system", "Ticketmatic");
        browser.click(By.id("ticketing:saveTicketing")).awaitAjax();

        browser.type(By.id("director:directorName"), "Daan Vorst");
        browser.type(By.id("director:directorEmail"), DIRECTOR);
        browser.click(By.id("director:saveDirector")).awaitAjax();
        browser.waiting().until(d -> d.findElement(By.id("checklist-progress")).getText().startsWith("5 van 5"));
        browser.checkAccessibility().screenshot("onboarding-profile");

        browser.click(By.id("submit:submitProfile"));
        browser.assertHeading("Mijn taken");
        assertThat(browser.text(By.cssSelector(".msg-info, .ui-growl-message"))).contains("ingediend");
        browser.logout();
    }

    @Test
    @Order(4)
    void anotherInstitutionsMemberCannotOpenTheProfileTask() {
        browser.login("lotte@lindeboom.nl", PASSWORD);
        browser.driver().get(profileTaskUrl);
        browser.assertHeading("Niet gevonden");
        browser.logout();
    }

    @Test
    @Order(5)
    void coordinatorSendsTheProfileBackAndTheInstitutionSeesTheComment() {
        browser.login("coordinator@kunstloc.nl", PASSWORD);
        browser.open("/tasks/inbox.xhtml");
        browser.type(By.id("inbox:text"), INSTITUTION);
        browser.waiting().until(d -> d.findElement(By.id("inbox:tasks")).getText().contains(INSTITUTION)
                && !d.findElement(By.id("inbox:tasks")).getText().contains("De Spoel"));
        browser.click(By.linkText("Profiel beoordelen"));
        assertThat(browser.text(By.id("review-kvk"))).isEqualTo("41299999");
        browser.checkAccessibility().screenshot("onboarding-review");
        browser.click(By.id("review:sendBack"));
        assertThat(browser.text(By.cssSelector(".msg-error"))).contains("Schrijf een opmerking");
        browser.type(By.id("review:comment"), "Voeg ook de kleine zaal toe.");
        browser.click(By.id("review:sendBack"));
        browser.assertHeading("Mijn taken");
        browser.logout();

        browser.login(CONTACT, NEW_PASSWORD);
        browser.click(By.linkText("Profiel van de instelling invullen"));
        assertThat(browser.text(By.id("review-comment"))).contains("Voeg ook de kleine zaal toe.");
        browser.type(By.id("venues:venueName"), "Kleine zaal");
        browser.type(By.id("venues:venueStreet"), "Vorstplein 3");
        browser.type(By.id("venues:venuePostcode"), "5038 AB");
        browser.type(By.id("venues:venueCity"), "Tilburg");
        browser.click(By.id("venues:addVenue")).awaitAjax();
        browser.waiting().until(d -> d.findElement(By.id("venues:venueList")).getText().contains("Kleine zaal"));
        browser.click(By.id("submit:submitProfile"));
        browser.assertHeading("Mijn taken");
        browser.logout();
    }

    @Test
    @Order(6)
    void coordinatorApprovesAndTheInstitutionIsActive() {
        browser.login("coordinator@kunstloc.nl", PASSWORD);
        browser.open("/tasks/inbox.xhtml");
        browser.type(By.id("inbox:text"), INSTITUTION);
        browser.waiting().until(d -> d.findElement(By.id("inbox:tasks")).getText().contains(INSTITUTION)
                && !d.findElement(By.id("inbox:tasks")).getText().contains("De Spoel"));
        browser.click(By.linkText("Profiel beoordelen"));
        browser.click(By.id("review:approve"));
        browser.assertHeading("Mijn taken");

        browser.click(By.id("menu-institutions"));
        browser.type(By.id("institutions:text"), "Nieuwe Vorst").awaitAjax();
        browser.waiting().until(d -> d.findElements(By.linkText(INSTITUTION)).size() == 1);
        browser.click(By.linkText(INSTITUTION));
        assertThat(browser.text(By.id("institution-status"))).isEqualTo("Actief");
        browser.checkAccessibility().screenshot("onboarding-institution-active");
        browser.open("/audit/mails.xhtml").screenshot("sent-mails");
        assertThat(browser.pageSource()).contains(DIRECTOR);
        browser.logout();
    }

    @Test
    @Order(7)
    void directorJoinsThroughTheMailedLink() {
        String link = Mailbox.await(DIRECTOR, "Uitnodiging voor").link("/public/invitation.xhtml");
        browser.driver().manage().deleteAllCookies();
        browser.driver().get(link);
        assertThat(browser.pageSource()).contains("Directeur");
        browser.type(By.id("invitation:password"), NEW_PASSWORD);
        browser.type(By.id("invitation:passwordAgain"), NEW_PASSWORD);
        browser.click(By.id("invitation:accept"));
        assertThat(browser.text(By.id("invitation-accepted"))).contains("geactiveerd");
        browser.login(DIRECTOR, NEW_PASSWORD);
        browser.click(By.id("menu-my-institution"));
        browser.assertHeading(INSTITUTION);
        assertThat(browser.pageSource()).contains("Daan Vorst", "Marit Vorst");
        browser.checkAccessibility();
        browser.logout();
    }

    @Test
    @Order(8)
    void thePublicCanApplyAndUnknownLinksAreExplained() {
        browser.driver().manage().deleteAllCookies();
        browser.open("/public/apply.xhtml").screenshot("onboarding-apply");
        browser.type(By.id("apply:name"), "Openluchttheater De Zomer");
        browser.choose("apply:type", "Theater");
        browser.type(By.id("apply:contactName"), "Zoë Zomer");
        browser.type(By.id("apply:contactEmail"), "zoe@dezomer.nl");
        browser.click(By.id("apply:send"));
        assertThat(browser.text(By.cssSelector(".msg-error"))).contains("Vink aan");
        browser.click(By.cssSelector("#apply\\:consent .ui-chkbox-box"));
        browser.click(By.id("apply:send"));
        assertThat(browser.text(By.id("apply-sent"))).contains("ontvangen");

        browser.open("/public/invitation.xhtml?token=not-a-real-token");
        assertThat(browser.text(By.id("invitation-unknown"))).contains("niet geldig");
    }
}
