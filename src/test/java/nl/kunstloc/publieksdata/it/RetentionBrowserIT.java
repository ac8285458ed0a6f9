package nl.kunstloc.publieksdata.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Raw rows live only as long as the agreement allows, seen as the users see it, on Filmtheater De
 * Spiegel (demo data no other test touches): first the retention period of one delivery ends (its
 * validation moved back in time in the database; the portal of the tests runs the nightly timer
 * every 5 seconds) and only that delivery's rows go; then the director withdraws the agreement on
 * its page and everything raw of the institution goes, uploads are refused on the screen and the
 * API, and the audit log shows both deletions with their counts. Theater aan de Dommel's rows stay.
 * Ordered because the withdrawal ends the agreement the retention period is counted under.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetentionBrowserIT {

    static final String PASSWORD = "demo-2026!";
    static final String COORDINATOR = "coordinator@kunstloc.nl";
    static final String DIRECTOR = "directie@filmtheaterdespiegel.nl";
    static final String MEMBER = "programma@filmtheaterdespiegel.nl";
    static final String SPIEGEL_TOKEN = "pd_demo_spiegel_5d90a7c3e1b84f26";
    static final String SPIEGEL = "Filmtheater De Spiegel";
    static final String DOMMEL = "Theater aan de Dommel";

    static final String RAW_STATE = "SELECT CASE WHEN raw_deleted_at IS NULL THEN 'kept' ELSE 'deleted' END FROM delivery WHERE id = ?";

    static PortalServer portal;
    static Browser browser;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

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
    void whenTheRetentionPeriodOfADeliveryEndsOnlyItsRawRowsAreDeleted() throws Exception {
        long january = deliveryId("spiegel-januari-2026.csv");
        long february = deliveryId("spiegel-februari-2026.csv");
        long dommelRows = institutionRows(DOMMEL);
        assertThat(deliveryRows(january)).as("rows of the January delivery before").isEqualTo(40);
        assertThat(deliveryRows(february)).as("rows of the February delivery before").isEqualTo(30);
        int months = retentionMonths(SPIEGEL);

        browser.login(COORDINATOR, PASSWORD);
        browser.open("/delivery/delivery.xhtml?id=" + january);
        assertThat(browser.text(By.id("raw-data"))).startsWith("bewaard tot de bewaartermijn");

        // validated one retention period and two days ago (a margin for the time zone of the column): the next run of the nightly check finds it due
        validatedAt(january, LocalDateTime.now().minusMonths(months).minusDays(2));
        awaitOnRefresh(By.id("raw-data"), "verwijderd op");
        browser.checkAccessibility().screenshot("retention-delivery-raw-rows-deleted");

        assertThat(deliveryRows(january)).as("rows of the delivery whose period ended").isZero();
        assertThat(deliveryRows(february)).as("rows of the other delivery of the same institution").isEqualTo(30);
        assertThat(institutionRows(DOMMEL)).as("another institution's rows").isEqualTo(dommelRows).isPositive();
        assertThat(single(RAW_STATE, january)).isEqualTo("deleted");
        assertThat(single(RAW_STATE, february)).isEqualTo("kept");

        String audit = auditLines("delivery.rawDataDeleted", String.valueOf(january));
        assertThat(audit).contains(SPIEGEL + ", spiegel-januari-2026.csv: retention period of " + months + " months over: 40 rows deleted");
        browser.screenshot("retention-audit-log");
    }

    @Test
    @Order(2)
    void aDeliveryNobodyActsOnForThirtyDaysIsStoppedAndItsFileAndRowsGo() throws Exception {
        long april = deliveryId("spiegel-april-2026.csv");
        assertThat(single("SELECT status FROM delivery WHERE id = ?", april)).isEqualTo("NEEDS_ATTENTION");
        assertThat(deliveryRows(april)).as("rows of the April delivery before").isPositive();
        Path heldFile = Path.of(single("SELECT held_file FROM delivery WHERE id = ?", april));
        assertThat(heldFile).as("the held file of the April delivery").exists();
        long otherRows = institutionRows(SPIEGEL) - deliveryRows(april);

        browser.login(COORDINATOR, PASSWORD);
        browser.open("/delivery/delivery.xhtml?id=" + april);
        // waiting for the institution for 31 days: the next run of the nightly check stops it
        try (Connection db = portal.openDatabase();
             PreparedStatement q = db.prepareStatement("UPDATE delivery SET status_since = ? WHERE id = ?")) {
            q.setObject(1, LocalDateTime.now().minusDays(31));
            q.setLong(2, april);
            q.executeUpdate();
        }
        awaitOnRefresh(By.id("raw-data"), "verwijderd op");
        assertThat(browser.text(By.id("status"))).isEqualTo("Gestopt, ruwe gegevens verwijderd");
        browser.checkAccessibility().screenshot("retention-delivery-abandoned");

        assertThat(single("SELECT status FROM delivery WHERE id = ?", april)).isEqualTo("STOPPED");
        assertThat(deliveryRows(april)).as("rows of the abandoned delivery").isZero();
        assertThat(heldFile).as("its held file").doesNotExist();
        assertThat(runningProcesses("delivery-" + april)).as("its process").isZero();
        assertThat(institutionRows(SPIEGEL)).as("the institution's other rows").isEqualTo(otherRows).isPositive();
        assertThat(auditLines("delivery.stopped", String.valueOf(april)))
                .contains(SPIEGEL + ", spiegel-april-2026.csv: no action for 30 days: ");
        browser.logout();
    }

    @Test
    @Order(3)
    void theDirectorWithdrawsTheAgreementAndAllRawDataOfTheInstitutionGoes() throws Exception {
        long institution = institutionId(SPIEGEL);
        long dommelRows = institutionRows(DOMMEL);
        long rows = institutionRows(SPIEGEL);
        assertThat(rows).as("rows of De Spiegel before the withdrawal").isPositive();
        long march = deliveryId("spiegel-maart-2026.csv");
        Path heldFile = Path.of(single("SELECT held_file FROM delivery WHERE id = ?", march));
        assertThat(heldFile).as("the file of the delivery waiting for review").exists();
        assertThat(runningProcesses("delivery-" + march)).as("its delivery process").isEqualTo(1);
        String number;
        try (Connection db = portal.openDatabase();
             PreparedStatement q = db.prepareStatement("SELECT number FROM agreement WHERE institution_id = ? AND status = 'ACTIVE'")) {
            q.setLong(1, institution);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as("an active agreement of De Spiegel").isTrue();
                number = rs.getString(1);
            }
        }

        browser.login(DIRECTOR, PASSWORD);
        browser.open("/agreement/agreements.xhtml");
        browser.click(By.linkText(number));
        browser.waiting().until(ExpectedConditions.urlContains("/agreement/detail.xhtml"));
        browser.checkAccessibility();
        assertThat(browser.text(By.id("status"))).isEqualTo("Actief");
        browser.click(By.id("detail:withdraw"));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("withdrawForm:reason")));
        browser.checkAccessibility().screenshot("retention-withdraw-confirm");
        browser.type(By.id("withdrawForm:reason"), "Wij stoppen met de pilot; ons bestuur wil de gegevens niet langer delen.");
        browser.click(By.id("withdrawForm:confirm"));
        browser.awaitAjax();
        browser.waiting().until(d -> d.findElement(By.id("status")).getText().equals("Ingetrokken"));
        assertThat(browser.text(By.id("detail:messages"))).isEqualTo("Overeenkomst " + number
                + " is ingetrokken. De verwerking is gestopt en de ruwe gegevens van de instelling zijn verwijderd.");
        assertThat(browser.driver().findElements(By.id("detail:withdraw"))).as("no second withdrawal").isEmpty();
        browser.checkAccessibility().screenshot("retention-agreement-withdrawn");

        assertThat(institutionRows(SPIEGEL)).as("raw rows of De Spiegel after the withdrawal").isZero();
        assertThat(heldFile).as("the held file").doesNotExist();
        assertThat(single("SELECT COUNT(*) FROM delivery WHERE institution_id = ? AND (raw_deleted_at IS NULL OR held_file IS NOT NULL)",
                institution)).as("deliveries of De Spiegel still holding raw data").isEqualTo("0");
        assertThat(runningProcesses("delivery-" + march)).as("the delivery process waiting for review").isZero();
        assertThat(single("SELECT status FROM delivery WHERE id = ?", march)).as("the delivery that was in review").isEqualTo("STOPPED");
        assertThat(institutionRows(DOMMEL)).as("another institution's rows").isEqualTo(dommelRows).isPositive();

        browser.login(MEMBER, PASSWORD);
        browser.open("/delivery/upload.xhtml").screenshot("retention-upload-refused");
        assertThat(browser.text(By.id("refusal")))
                .isEqualTo("Aanleveren kan niet: verwerkersovereenkomst " + number + " is ingetrokken. "
                        + "Neem contact op met de coördinator als u weer wilt deelnemen.");
        assertThat(browser.driver().findElements(By.id("upload:file"))).as("no upload form").isEmpty();

        HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create(portal.url("/api/v1/deliveries")))
                .header("Authorization", "Bearer " + SPIEGEL_TOKEN).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("Bestelnummer;Klantnummer;Besteldatum;Voorstelling;Aantal;Postcode\n"
                        + "S1;K1;01-03-2026;Film;2;5701 AA\n", StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(409);
        assertThat(api.body()).contains("\"error\":\"agreement.required.withdrawn\"", number + " was withdrawn");
        assertThat(institutionRows(SPIEGEL)).as("nothing stored from the refused upload").isZero();

        browser.login(COORDINATOR, PASSWORD);
        String audit = auditLines("rawDataDeleted", "");
        assertThat(audit).contains(SPIEGEL + ": agreement " + number + " withdrawn: " + rows + " rows, 1 held files deleted");
        browser.screenshot("retention-audit-log-withdrawal");
    }

    /** The coordinator's audit log page, filtered on action (and object id): the text of the list. */
    private static String auditLines(String action, String objectId) {
        browser.open("/audit/log.xhtml");
        browser.type(By.id("audit:action"), action);
        if (!objectId.isEmpty()) {
            browser.type(By.id("audit:objectId"), objectId);
        }
        browser.click(By.id("audit:apply"));
        browser.awaitAjax();
        browser.checkAccessibility();
        return browser.text(By.id("audit:list"));
    }

    /** Reloads the page until the element's text starts with the expected text (the check runs every 5 s). */
    private static void awaitOnRefresh(By by, String expectedStart) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60), Duration.ofSeconds(1))
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(d -> {
                    if (d.findElement(by).getText().startsWith(expectedStart)) {
                        return true;
                    }
                    d.navigate().refresh();
                    return false;
                });
    }

    private static long institutionId(String name) throws Exception {
        try (Connection db = portal.openDatabase();
             PreparedStatement q = db.prepareStatement("SELECT id FROM institution WHERE name = ?")) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as("institution %s", name).isTrue();
                return rs.getLong(1);
            }
        }
    }

    private static long deliveryId(String fileName) throws Exception {
        try (Connection db = portal.openDatabase();
             PreparedStatement q = db.prepareStatement("SELECT id FROM delivery WHERE file_name = ?")) {
            q.setString(1, fileName);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as("delivery %s", fileName).isTrue();
                return rs.getLong(1);
            }
        }
    }

    private static int retentionMonths(String institution) throws Exception {
        return Integer.parseInt(single("SELECT retention_months FROM agreement WHERE status = 'ACTIVE' AND institution_id = ?",
                institutionId(institution)));
    }

    private static long deliveryRows(long deliveryId) throws Exception {
        return Long.parseLong(single("SELECT COUNT(*) FROM delivery_row WHERE delivery_id = ?", deliveryId));
    }

    private static long institutionRows(String institution) throws Exception {
        return Long.parseLong(single("SELECT COUNT(*) FROM delivery_row WHERE institution_id = ?", institutionId(institution)));
    }

    private static long runningProcesses(String businessKey) throws Exception {
        try (Connection db = portal.openDatabase();
             PreparedStatement q = db.prepareStatement("SELECT COUNT(*) FROM act_ru_execution WHERE business_key_ = ? AND parent_id_ IS NULL")) {
            q.setString(1, businessKey);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String single(String sql, long id) throws Exception {
        try (Connection db = portal.openDatabase(); PreparedStatement q = db.prepareStatement(sql)) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static void validatedAt(long deliveryId, LocalDateTime at) throws Exception {
        try (Connection db = portal.openDatabase();
             PreparedStatement u = db.prepareStatement("UPDATE delivery SET validated_at = ? WHERE id = ?")) {
            u.setTimestamp(1, Timestamp.valueOf(at));
            u.setLong(2, deliveryId);
            assertThat(u.executeUpdate()).isEqualTo(1);
        }
    }
}
