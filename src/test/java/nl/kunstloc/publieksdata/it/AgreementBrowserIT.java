package nl.kunstloc.publieksdata.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The data-sharing agreement as its users meet it: the director of Festival Zomerklanken signs from
 * the inbox (a wrong password first), the coordinator countersigns, both download the same signed
 * PDF whose SHA-256 is the one on the page; another institution gets 404; a document changed in the
 * database afterwards is refused.
 */
class AgreementBrowserIT {

    static final String PASSWORD = "demo-2026!";
    static final String DIRECTOR = "directie@zomerklanken.nl";
    static final String DIRECTOR_NAME = "Fleur Festivaldirecteur";
    static final String COORDINATOR = "coordinator@kunstloc.nl";
    static final String OTHER_MEMBER = "marketing@dommeltheater.nl";

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
    void directorSignsCoordinatorCountersignsAndBothDownloadTheSameSignedPdf() throws Exception {
        // --- the director finds the task in the inbox
        browser.login(DIRECTOR, PASSWORD);
        browser.checkAccessibility();
        browser.click(By.cssSelector("a.task-link[href*='/agreement/sign.xhtml']"));
        browser.waiting().until(d -> d.getCurrentUrl().contains("/agreement/sign.xhtml"));
        browser.checkAccessibility().screenshot("agreement-sign");
        browser.assertHeading("Verwerkersovereenkomst ondertekenen");
        assertThat(browser.pageSource()).contains("Festival Zomerklanken");

        // --- a wrong password: a clear message, and nothing is stored
        browser.type(By.id("sign:password"), "wrong-password-1");
        browser.type(By.id("sign:typedName"), DIRECTOR_NAME.toLowerCase());
        browser.click(By.cssSelector("[id='sign:agreed'] .ui-chkbox-box"));
        browser.click(By.id("sign:submit")).awaitAjax();
        assertThat(browser.text(By.cssSelector("#sign .msg-error"))).contains("wachtwoord klopt niet", "niets ondertekend");
        browser.checkAccessibility().screenshot("agreement-sign-wrong-password");
        assertThat(signatureCount("Festival Zomerklanken")).isZero();
        assertThat(status("Festival Zomerklanken")).isEqualTo("AWAITING_DIRECTOR");

        // --- the right password signs (name typed in lower case is accepted)
        browser.type(By.id("sign:password"), PASSWORD);
        browser.click(By.id("sign:submit"));
        browser.waiting().until(d -> d.getCurrentUrl().contains("/agreement/detail.xhtml"));
        browser.checkAccessibility().screenshot("agreement-signed-by-director");
        long agreementId = idFrom(browser.currentPath());
        assertThat(browser.text(By.id("status"))).isEqualTo("Wacht op Kunstloc");
        assertThat(signatureCount("Festival Zomerklanken")).isEqualTo(1);
        browser.logout();

        // --- the coordinator countersigns from the inbox
        browser.login(COORDINATOR, PASSWORD);
        browser.open("/tasks/inbox.xhtml");
        browser.click(By.xpath("//tr[contains(., 'Festival Zomerklanken')]//a[contains(@href, '/agreement/countersign.xhtml')]"));
        browser.waiting().until(d -> d.getCurrentUrl().contains("/agreement/countersign.xhtml"));
        browser.checkAccessibility().screenshot("agreement-countersign");
        assertThat(browser.pageSource()).contains(DIRECTOR_NAME);
        browser.type(By.id("sign:password"), PASSWORD);
        browser.type(By.id("sign:typedName"), "Carla Coördinator");
        browser.click(By.cssSelector("[id='sign:agreed'] .ui-chkbox-box"));
        browser.click(By.id("sign:submit"));
        browser.waiting().until(d -> d.getCurrentUrl().contains("/agreement/detail.xhtml"));
        browser.checkAccessibility().screenshot("agreement-active");
        assertThat(browser.text(By.id("status"))).isEqualTo("Actief");
        String shownSha = browser.text(By.id("signed-sha256")).trim();
        byte[] coordinatorCopy = download("/agreement/document?id=" + agreementId + "&kind=signed&download=true");
        browser.open("/agreement/agreements.xhtml").screenshot("agreement-list");
        assertThat(browser.pageSource()).contains("Festival Zomerklanken", "Museum De Wever", "Concertzaal De Klok");
        browser.logout();

        Mailbox.await(DIRECTOR, "is actief");

        // --- the director downloads the same file
        browser.login(DIRECTOR, PASSWORD);
        browser.open("/agreement/detail.xhtml?id=" + agreementId);
        byte[] directorCopy = download("/agreement/document?id=" + agreementId + "&kind=signed&download=true");
        assertThat(new String(directorCopy, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(directorCopy).isEqualTo(coordinatorCopy);
        assertThat(sha256(directorCopy)).isEqualTo(shownSha);
        // the signed file starts with exactly the bytes that were signed
        String originalSha = browser.text(By.id("original-sha256")).trim();
        byte[] original = download("/agreement/document?id=" + agreementId + "&kind=original");
        assertThat(sha256(original)).isEqualTo(originalSha);
        assertThat(java.util.Arrays.copyOf(directorCopy, original.length)).isEqualTo(original);
        browser.logout();

        // --- a member of another institution learns nothing, not even that the agreement exists
        WebClient other = new WebClient(portal);
        assertThat(other.login(OTHER_MEMBER, PASSWORD)).isEqualTo(302);
        assertThat(other.get("/agreement/detail.xhtml?id=" + agreementId).statusCode()).isEqualTo(404);
        assertThat(other.get("/agreement/document?id=" + agreementId + "&kind=signed").statusCode()).isEqualTo(404);
        assertThat(other.get("/agreement/document?id=" + agreementId + "&kind=original").statusCode()).isEqualTo(404);

        // --- somebody changes the signed PDF in the database: it is refused, with an explanation
        tamperWithSignedPdf(agreementId);
        WebClient coordinator = new WebClient(portal);
        coordinator.login(COORDINATOR, PASSWORD);
        HttpResponse<String> refused = coordinator.get("/agreement/document?id=" + agreementId + "&kind=signed");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("gewijzigd").doesNotContain("%PDF");
        browser.login(COORDINATOR, PASSWORD);
        browser.open("/agreement/detail.xhtml?id=" + agreementId).screenshot("agreement-tampered");
        assertThat(browser.text(By.id("tampered"))).contains("SHA-256");
        browser.logout();
    }

    private static long idFrom(String path) {
        Matcher m = Pattern.compile("[?&]id=(\\d+)").matcher(path);
        assertThat(m.find()).as("agreement id in " + path).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** Downloads with the browser's session, as the browser's download would. */
    private static byte[] download(String path) throws IOException, InterruptedException {
        Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(portal.url(path)))
                .header("Cookie", "JSESSIONID=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        return response.body();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static int signatureCount(String institution) throws Exception {
        try (Connection c = portal.openDatabase(); PreparedStatement s = c.prepareStatement(
                "select count(*) from agreement_signature s join agreement a on a.id = s.agreement_id where a.institution_name = ?")) {
            s.setString(1, institution);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private static String status(String institution) throws Exception {
        try (Connection c = portal.openDatabase(); PreparedStatement s = c.prepareStatement(
                "select status from agreement where institution_name = ? order by id desc")) {
            s.setString(1, institution);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private static void tamperWithSignedPdf(long agreementId) throws Exception {
        try (Connection c = portal.openDatabase()) {
            byte[] pdf;
            try (PreparedStatement s = c.prepareStatement("select signed_pdf from agreement where id = ?")) {
                s.setLong(1, agreementId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    pdf = r.getBytes(1);
                }
            }
            pdf[pdf.length / 3] ^= 0x01;
            try (PreparedStatement u = c.prepareStatement("update agreement set signed_pdf = ? where id = ?")) {
                u.setBytes(1, pdf);
                u.setLong(2, agreementId);
                assertThat(u.executeUpdate()).isEqualTo(1);
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }
}
