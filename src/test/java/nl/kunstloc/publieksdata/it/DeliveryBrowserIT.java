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
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kunstloc.publieksdata.delivery.boundary.OpenApiDocumentTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A delivery as its users meet it: a member of Theater aan de Dommel uploads a messy export whose
 * postcode column has a name the portal does not know ("Wijk") but values it recognises, sees the preview
 * and why each column was proposed, imports, re-runs from the problems task, accepts the passing rows; the
 * coordinator accepts; the rows are in the database and the held file is gone. A per-attendee report keyed
 * by e-mail and a museum register without order, customer or event columns go through the same screens
 * (issue 12): what they lack is said before the import, an import without a date is refused, no e-mail
 * address reaches the database or the log. An institution without an active agreement is refused with the reason. The
 * REST API with the demo tokens: 202 + Location + status, 404 across institutions, JSON errors.
 */
class DeliveryBrowserIT {

    static final String PASSWORD = "demo-2026!";
    static final String MEMBER = "marketing@dommeltheater.nl";
    static final String COORDINATOR = "coordinator@kunstloc.nl";
    static final String DOMMEL_TOKEN = "pd_demo_dommel_7c1e0b5a9f4d4b8e";
    static final String ZOMER_TOKEN = "pd_demo_zomerklanken_2b6f3e81c0a5";

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

    /** Columns the portal knows, plus "Wijk" for the postcode, a bad date, zero tickets and a total row. */
    static String messyExport() {
        StringBuilder csv = new StringBuilder("Bestelnummer;Klantnummer;Naam;Besteldatum;Voorstelling;Aantal;Wijk\r\n");
        String[] postcodes = {"5611 AB", "5038 ab", "4811CD", "5211 AA"};
        for (int i = 1; i <= 40; i++) {
            csv.append("B").append(i).append(";K").append(i % 9).append(";Klant ").append(i).append(";0")
                    .append(1 + i % 9).append("-02-2026;Zomeravond;").append(1 + i % 3).append(';')
                    .append(postcodes[i % postcodes.length]).append("\r\n");
        }
        csv.append("B41;K1;Klant;31-02-2026;Zomeravond;2;5611 AB\r\n");
        csv.append("B42;K2;Klant;03-02-2026;Zomeravond;0;5611 AB\r\n");
        csv.append("Totaal;;;;;83;\r\n");
        return csv.toString();
    }

    @Test
    void memberUploadsMessyFileFixesTheMappingAndCoordinatorAccepts() throws Exception {
        Path file = Files.createTempFile("dommel-export", ".csv");
        Files.writeString(file, messyExport(), StandardCharsets.UTF_8);

        browser.login(MEMBER, PASSWORD);
        browser.open("/delivery/upload.xhtml").screenshot("delivery-upload");
        browser.driver().findElement(By.id("upload:file")).sendKeys(file.toString());
        browser.click(By.id("upload:preview"));
        browser.waiting().until(d -> !d.findElements(By.id("mappingForm:import")).isEmpty());
        browser.checkAccessibility().screenshot("delivery-preview");
        assertThat(browser.text(By.id("dialect"))).contains("CSV", ";", "UTF-8");
        assertThat(browser.pageSource()).doesNotContain("Klant 1;").doesNotContain(">Klant 12<");
        // "Wijk" is no postcode header, but its values are postcodes, and the page says so
        assertThat(browser.pageSource()).contains("lijken op Nederlandse postcodes (42 van 42)");

        browser.click(By.id("mappingForm:import"));
        browser.waiting().until(d -> d.getCurrentUrl().contains("/delivery/delivery.xhtml"));
        long deliveryId = idFrom(browser.currentPath());
        awaitStatus("Aandacht nodig");
        browser.checkAccessibility().screenshot("delivery-needs-mapping");
        assertThat(browser.pageSource()).doesNotContain("Geen problemen gevonden");

        // --- the problems task: map "Wijk" to the postcode and run again
        browser.click(By.id("state:open-task"));
        browser.waiting().until(d -> d.getCurrentUrl().contains("/delivery/problems.xhtml"));
        browser.checkAccessibility().screenshot("delivery-problems");
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('remap:mapping:6:field_input').value = 'POSTCODE';");
        browser.click(By.id("remap:rerun"));
        browser.waiting().until(d -> d.getCurrentUrl().contains("/delivery/delivery.xhtml"));
        awaitStatus("Aandacht nodig");
        browser.checkAccessibility().screenshot("delivery-report");
        // 43 read = 41 accepted (the zero-ticket line too, flagged) + 1 rejected (31 February) + 1 skipped (the total)
        assertThat(browser.text(By.id("reconciliation"))).contains("43", "41", "1");
        assertThat(browser.pageSource()).contains("rij 42").contains("rij 43").contains("Regels zonder tickets");

        // --- rejected rows download, then accept the rows that passed
        HttpResponse<String> rejected = browserGet("/delivery/rejected-rows?id=" + deliveryId);
        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(rejected.body()).contains("31-02-2026").doesNotContain("K1;");

        browser.click(By.id("state:open-task"));
        browser.waiting().until(d -> d.getCurrentUrl().contains("/delivery/problems.xhtml"));
        browser.click(By.id("accept:acceptRows"));
        browser.waiting().until(d -> d.getCurrentUrl().contains("/delivery/delivery.xhtml"));
        awaitStatus("In beoordeling bij Kunstloc");
        browser.logout();

        // --- the coordinator accepts from the inbox
        browser.login(COORDINATOR, PASSWORD);
        browser.open("/delivery/review.xhtml?taskId=" + taskId(deliveryId, "reviewDelivery"));
        browser.screenshot("delivery-review");
        browser.click(By.id("review:accept"));
        browser.waiting().until(d -> d.getCurrentUrl().contains("/tasks/inbox.xhtml"));
        browser.open("/delivery/deliveries.xhtml").screenshot("delivery-list-coordinator");
        browser.logout();

        try (Connection db = portal.openDatabase()) {
            assertThat(single(db, "SELECT status FROM delivery WHERE id = ?", deliveryId)).isEqualTo("VALIDATED");
            assertThat(single(db, "SELECT held_file FROM delivery WHERE id = ?", deliveryId)).isNull();
            assertThat(single(db, "SELECT COUNT(*) FROM delivery_row WHERE delivery_id = ?", deliveryId)).isEqualTo("41");
            assertThat(single(db, "SELECT COUNT(*) FROM delivery_row WHERE delivery_id = ? AND length(customer_pseudonym) < 40", deliveryId)).isEqualTo("0");
        }
        Files.deleteIfExists(file);
    }

    /** An Eventbrite attendee report: one row per attendee, no customer number, no event column. */
    static String attendeeReport() {
        StringBuilder csv = new StringBuilder("Order #,Order Date,First Name,Last Name,Email,Quantity,Ticket Type,"
                + "Attendee #,Order Type,Total Paid,Attendee Status,Home Address 1,Home City,Home Zip,Home Country\r\n");
        String[] postcodes = {"5611 AB", "5038 AB", "4811 CD", "5211 AA"};
        for (int i = 1; i <= 12; i++) {
            // orders of two attendees; attendee 12 is attendee 1 again, in capitals
            String mail = i == 12 ? "Bezoeker1@Example.NL" : "bezoeker" + i + "@example.nl";
            csv.append("88100").append((i + 1) / 2).append(",2026-02-0").append(1 + i % 7).append(" 10:12:44+01:00,Voor")
                    .append(i).append(",Achter").append(i).append(',').append(mail).append(",1,Regular,19000").append(i)
                    .append(",Eventbrite Completed,15.00,Attending,Laan ").append(i).append(",Tilburg,")
                    .append(postcodes[i % postcodes.length]).append(",NL\r\n");
        }
        return csv.toString();
    }

    @Test
    void aPerAttendeeReportKeyedByEmailIsDeliveredWithoutAnyAddressStored() throws Exception {
        Path file = Files.createTempFile("attendees", ".csv");
        Files.writeString(file, attendeeReport(), StandardCharsets.UTF_8);

        browser.login(MEMBER, PASSWORD);
        browser.open("/delivery/upload.xhtml");
        browser.driver().findElement(By.id("upload:file")).sendKeys(file.toString());
        browser.click(By.id("upload:preview"));
        browser.waiting().until(d -> !d.findElements(By.id("mappingForm:import")).isEmpty());
        browser.checkAccessibility().screenshot("delivery-preview-attendees");
        assertThat(browser.text(By.id("system"))).isEqualTo("Eventbrite");
        // the e-mail is the customer key, pseudonymised; the page says why and what the file lacks
        assertThat(browser.pageSource()).contains("e-mailadres als klantsleutel")
                .contains("Geen voorstelling").doesNotContain("bezoeker1@example.nl");

        browser.click(By.id("mappingForm:import"));
        browser.waiting().until(d -> d.getCurrentUrl().contains("/delivery/delivery.xhtml"));
        long deliveryId = idFrom(browser.currentPath());
        awaitStatus("In beoordeling bij Kunstloc");
        browser.checkAccessibility().screenshot("delivery-report-attendees");
        assertThat(browser.text(By.id("absent"))).contains("Geen voorstelling");
        browser.logout();

        try (Connection db = portal.openDatabase()) {
            assertThat(single(db, "SELECT COUNT(*) FROM delivery_row WHERE delivery_id = ?", deliveryId)).isEqualTo("12");
            // attendee 1 came twice: 11 people
            assertThat(single(db, "SELECT COUNT(DISTINCT customer_pseudonym) FROM delivery_row WHERE delivery_id = ?", deliveryId))
                    .isEqualTo("11");
            assertThat(single(db, "SELECT COUNT(*) FROM delivery_row WHERE delivery_id = ? AND (customer_pseudonym LIKE '%@%'"
                    + " OR order_id LIKE '%@%' OR event_name LIKE '%@%' OR length(customer_pseudonym) < 40)", deliveryId)).isEqualTo("0");
            assertThat(single(db, "SELECT absent_fields FROM delivery WHERE id = ?", deliveryId)).isEqualTo("EVENT_NAME");
        }
        Path log = Path.of("target/it-portal/portal.log");
        if (Files.exists(log)) {
            assertThat(Files.readString(log, StandardCharsets.ISO_8859_1)).doesNotContainIgnoringCase("bezoeker1@example.nl");
        }
        Files.deleteIfExists(file);
    }

    /** A museum's counter register: a date, a ticket kind, a count, an amount, a postcode; nothing else. */
    static String museumRegister() {
        StringBuilder csv = new StringBuilder("Datum;Tijd;Kaartsoort;Aantal personen;Betaald;Postcode\r\n");
        String[] postcodes = {"5611 AB", "5038 AB", "", "5211 AA", "onbekend"};
        for (int i = 1; i <= 20; i++) {
            csv.append(String.format("%02d-02-2026;1%d:05;Volwassene;%d;\u20ac %d,00;%s\r\n", 1 + i % 20, i % 8, 1 + i % 3,
                    15 * (1 + i % 3), postcodes[i % postcodes.length]));
        }
        csv.append("Totaal;;;40;\u20ac 600,00;\r\n");
        return csv.toString();
    }

    @Test
    void aMuseumRegisterWithoutCustomerIdsIsDeliveredAndAnImportWithoutADateIsRefused() throws Exception {
        Path file = Files.createTempFile("museum-kassa", ".csv");
        Files.writeString(file, museumRegister(), StandardCharsets.UTF_8);

        browser.login(MEMBER, PASSWORD);
        browser.open("/delivery/upload.xhtml");
        browser.driver().findElement(By.id("upload:file")).sendKeys(file.toString());
        browser.click(By.id("upload:preview"));
        browser.waiting().until(d -> !d.findElements(By.id("mappingForm:import")).isEmpty());
        browser.checkAccessibility().screenshot("delivery-preview-museum");
        String absent = browser.text(By.id("mappingForm:absent"));
        assertThat(absent).contains("Geen ordernummer", "Geen klantnummer", "Geen voorstelling");
        assertThat(browser.pageSource()).contains("de enige kolom met datums");

        // without the date the import is refused before any validation starts
        long before = Long.parseLong(countDeliveries());
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('mappingForm:mapping:0:field_input').value = '';");
        browser.click(By.id("mappingForm:import"));
        browser.waiting().until(d -> !d.findElements(By.cssSelector(".msg-error")).isEmpty());
        assertThat(browser.currentPath()).contains("/delivery/upload.xhtml");
        assertThat(browser.pageSource()).contains("Importeren kan pas als elk verplicht gegeven een kolom heeft");
        assertThat(browser.text(By.id("mappingForm:missingRequired"))).contains("datum");
        assertThat(Long.parseLong(countDeliveries())).isEqualTo(before);

        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('mappingForm:mapping:0:field_input').value = 'ORDER_DATE';");
        browser.click(By.id("mappingForm:import"));
        browser.waiting().until(d -> d.getCurrentUrl().contains("/delivery/delivery.xhtml"));
        long deliveryId = idFrom(browser.currentPath());
        awaitStatus("In beoordeling bij Kunstloc");
        browser.checkAccessibility().screenshot("delivery-report-museum");
        assertThat(browser.text(By.id("absent"))).contains("Geen klantnummer");
        // 8 of the 20 visits have no placeable postcode: accepted, not placed
        assertThat(browser.text(By.id("unplaced"))).contains("8", "20");
        browser.logout();

        try (Connection db = portal.openDatabase()) {
            assertThat(single(db, "SELECT COUNT(*) FROM delivery_row WHERE delivery_id = ?", deliveryId)).isEqualTo("20");
            assertThat(single(db, "SELECT COUNT(*) FROM delivery_row WHERE delivery_id = ? AND customer_pseudonym IS NOT NULL",
                    deliveryId)).isEqualTo("0");
            assertThat(single(db, "SELECT absent_fields FROM delivery WHERE id = ?", deliveryId))
                    .isEqualTo("CUSTOMER_ID,EVENT_NAME,ORDER_ID");
            assertThat(single(db, "SELECT rows_skipped FROM delivery WHERE id = ?", deliveryId)).isEqualTo("1");
        }
        Files.deleteIfExists(file);
    }

    private static String countDeliveries() throws Exception {
        try (Connection db = portal.openDatabase();
             PreparedStatement q = db.prepareStatement("SELECT COUNT(*) FROM delivery");
             ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void anInstitutionWithoutAnActiveAgreementIsRefusedWithTheReason() {
        browser.login("lotte@lindeboom.nl", PASSWORD);
        browser.open("/delivery/upload.xhtml").screenshot("delivery-upload-refused");
        assertThat(browser.text(By.id("refusal"))).containsAnyOf("overeenkomst", "agreement");
        assertThat(browser.driver().findElements(By.id("upload:file"))).isEmpty();
        browser.logout();
    }

    @Test
    void theRestApiAcceptsReportsAndRefuses() throws Exception {
        HttpResponse<String> posted = api("POST", "/api/v1/deliveries", DOMMEL_TOKEN, "text/csv",
                DemoExports.CLEAN.getBytes(StandardCharsets.UTF_8));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/api/v1/deliveries/\\d+");
        assertThat(posted.body()).matches("\\{\"id\":\\d+.*");
        String path = URI.create(location).getPath();

        String status = "";
        for (int i = 0; i < 60 && !status.contains("IN_REVIEW") && !status.contains("NEEDS_ATTENTION"); i++) {
            Thread.sleep(500);
            status = api("GET", path, DOMMEL_TOKEN, null, null).body();
        }
        assertThat(status).contains("\"status\":\"IN_REVIEW\"", "\"rows\":{\"read\":3,\"accepted\":3,\"rejected\":0,\"skipped\":0}", "\"problems\":[");

        assertThat(api("GET", path, ZOMER_TOKEN, null, null).statusCode()).isEqualTo(404);
        assertThat(api("GET", path, "pd_wrong", null, null).statusCode()).isEqualTo(401);
        assertThat(api("GET", path, null, null, null).statusCode()).isEqualTo(401);

        HttpResponse<String> empty = api("POST", "/api/v1/deliveries", DOMMEL_TOKEN, "text/csv", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("\"error\":\"delivery.upload.empty\"");
        HttpResponse<String> headerOnly = api("POST", "/api/v1/deliveries", DOMMEL_TOKEN, "text/csv",
                "Bestelnummer;Klantnummer;Besteldatum;Voorstelling;Aantal;Postcode\n".getBytes(StandardCharsets.UTF_8));
        assertThat(headerOnly.statusCode()).isEqualTo(400);
        assertThat(headerOnly.body()).contains("delivery.upload.headerOnly");
        HttpResponse<String> binary = api("POST", "/api/v1/deliveries", DOMMEL_TOKEN, "text/csv",
                new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        assertThat(binary.statusCode()).isEqualTo(400);
        assertThat(binary.body()).contains("delivery.upload.binary");
        HttpResponse<String> preset = api("POST", "/api/v1/deliveries?mapping=nonsense", DOMMEL_TOKEN, "text/csv",
                DemoExports.CLEAN.getBytes(StandardCharsets.UTF_8));
        assertThat(preset.statusCode()).isEqualTo(400);
        assertThat(preset.body()).contains("delivery.upload.unknownPreset");

        // the description a client is generated from: valid for a real parser, binary bodies, a schema for every answer
        HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(URI.create(portal.url("/public/openapi.yaml"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(OpenApiDocumentTest.problems(document.body())).as(document.body()).isEmpty();
        assertThat(document.body()).contains("url: \"" + portal.url("/") + "\"");
        // Payara's /openapi is the same document (scanning off), with its own extra attribute "endpoints" (see OpenApiDocumentServlet)
        String openapi = HTTP.send(HttpRequest.newBuilder(URI.create(portal.url("/openapi"))).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(openapi).contains("/api/v1/deliveries", "format: binary");
        assertThat(OpenApiDocumentTest.problems(openapi)).as(openapi).allMatch(problem -> problem.contains("endpoints"));
    }

    /** Column names no vocabulary knows ("Dag", "Wijk", "Stuks"), so only a mapping the client gives can read them. */
    static final String OWN_LAYOUT = "Nr;Klant;Dag;Show;Stuks;Wijk\n"
            + "C1;K1;01-02-2026;Concert;2;5611 AB\nC2;K2;02-02-2026;Concert;1;5038AB\nC3;K3;03-02-2026;Concert;4;4811 CD\n";

    @Test
    void theApiTakesAMappingAsPairsOrSavedAndRefusesOneThatCannotPassStoringNothing() throws Exception {
        long institution = institutionOf(DOMMEL_TOKEN);
        long deliveriesBefore = deliveryCount(institution);
        java.util.Set<String> heldBefore = heldUploads();

        // no date column at all: whatever the detection, a required field stays unmapped
        HttpResponse<String> noDate = api("POST", "/api/v1/deliveries", DOMMEL_TOKEN, "text/csv",
                "Bestelnummer;Klantnummer;Voorstelling;Aantal;Postcode\nA1;K1;Concert;2;5611 AB\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noDate.statusCode()).as(noDate.body()).isEqualTo(422);
        assertThat(noDate.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(noDate.body()).contains("\"error\":\"delivery.api.missingFields\"", "ORDER_DATE", "nothing was stored",
                "\"columns\":[\"Bestelnummer\",\"Klantnummer\",\"Voorstelling\",\"Aantal\",\"Postcode\"]");
        assertThat(json(noDate.body()).getJsonArray("missing").getValuesAs(jakarta.json.JsonString::getString)).contains("ORDER_DATE");

        // pairs that leave the date out, a column the file lacks, a field that does not exist, a saved mapping that does not
        HttpResponse<String> partial = api("POST", "/api/v1/deliveries?map=Wijk:POSTCODE&map=Nr:ORDER_ID", DOMMEL_TOKEN,
                "text/csv", OWN_LAYOUT.getBytes(StandardCharsets.UTF_8));
        assertThat(partial.statusCode()).as(partial.body()).isEqualTo(422);
        assertThat(json(partial.body()).getJsonArray("missing").getValuesAs(jakarta.json.JsonString::getString))
                .contains("ORDER_DATE").doesNotContain("POSTCODE", "ORDER_ID");
        assertThat(json(partial.body()).getJsonObject("mapping").getString("Wijk")).isEqualTo("POSTCODE");
        HttpResponse<String> noSuchColumn = api("POST", "/api/v1/deliveries?map=Postcode:POSTCODE", DOMMEL_TOKEN, "text/csv",
                OWN_LAYOUT.getBytes(StandardCharsets.UTF_8));
        assertThat(noSuchColumn.statusCode()).as(noSuchColumn.body()).isEqualTo(422);
        assertThat(noSuchColumn.body()).contains("delivery.api.unknownColumn", "no column \\\"Postcode\\\"", "\"Wijk\"");
        HttpResponse<String> noSuchField = api("POST", "/api/v1/deliveries?map=Wijk:ZIPCODE", DOMMEL_TOKEN, "text/csv",
                OWN_LAYOUT.getBytes(StandardCharsets.UTF_8));
        assertThat(noSuchField.statusCode()).as(noSuchField.body()).isEqualTo(400);
        assertThat(noSuchField.body()).contains("delivery.api.unknownField", "ZIPCODE", "POSTCODE");
        HttpResponse<String> noSuchMapping = api("POST", "/api/v1/deliveries?mapping=424242", DOMMEL_TOKEN, "text/csv",
                OWN_LAYOUT.getBytes(StandardCharsets.UTF_8));
        assertThat(noSuchMapping.statusCode()).as(noSuchMapping.body()).isEqualTo(400);
        assertThat(noSuchMapping.body()).contains("delivery.api.unknownMapping");

        assertThat(deliveryCount(institution)).as("a refused upload is no delivery").isEqualTo(deliveriesBefore);
        assertThat(heldUploads()).as("a refused upload holds personal data: nothing stays").isEqualTo(heldBefore);

        // the whole mapping as pairs (a header matched ignoring case): delivered, and read with exactly that mapping
        String pairs = "?map=Nr:ORDER_ID&map=Klant:CUSTOMER_ID&map=dag:ORDER_DATE&map=Show:EVENT_NAME&map=Stuks:TICKET_COUNT"
                + "&map=Wijk:POSTCODE";
        HttpResponse<String> mapped = api("POST", "/api/v1/deliveries" + pairs, DOMMEL_TOKEN, "text/csv",
                OWN_LAYOUT.getBytes(StandardCharsets.UTF_8));
        assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(202);
        String mappedPath = URI.create(mapped.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(awaitValidated(mappedPath)).contains("\"status\":\"IN_REVIEW\"",
                "\"rows\":{\"read\":3,\"accepted\":3,\"rejected\":0,\"skipped\":0}");
        assertThat(mappingUsed(mappedPath)).contains("POSTCODE=Wijk", "ORDER_DATE=Dag");

        // a mapping saved for this layout (as the upload page saves it) is used without being asked
        String savedText = "ORDER_ID=Nr\nCUSTOMER_ID=Klant\nORDER_DATE=Dag\nEVENT_NAME=Show\nTICKET_COUNT=Stuks\nPOSTCODE=Wijk\n";
        long saved = saveMapping(institution, java.util.List.of("Nr", "Klant", "Dag", "Show", "Stuks", "Wijk"), savedText);
        HttpResponse<String> bySaved = api("POST", "/api/v1/deliveries", DOMMEL_TOKEN, "text/csv",
                OWN_LAYOUT.replace("\nC", "\nD").getBytes(StandardCharsets.UTF_8));
        assertThat(bySaved.statusCode()).as(bySaved.body()).isEqualTo(202);
        String bySavedPath = URI.create(bySaved.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(mappingUsed(bySavedPath)).isEqualTo(savedText);
        assertThat(awaitValidated(bySavedPath)).contains("\"status\":\"IN_REVIEW\"", "\"accepted\":3");

        // listed for the institution (and not for another), and usable by its id for a file with one more column
        HttpResponse<String> list = api("GET", "/api/v1/mappings", DOMMEL_TOKEN, null, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("{\"id\":" + saved + ",", "\"Wijk\":\"POSTCODE\"");
        assertThat(api("GET", "/api/v1/mappings", ZOMER_TOKEN, null, null).body()).doesNotContain("\"id\":" + saved + ",");
        String extraColumn = OWN_LAYOUT.replace("Wijk\n", "Wijk;Opmerking\n").replace(" AB\n", " AB;x\n")
                .replace("5038AB\n", "5038AB;y\n").replace(" CD\n", " CD;z\n").replace("\nC", "\nE");
        HttpResponse<String> byId = api("POST", "/api/v1/deliveries?mapping=" + saved, DOMMEL_TOKEN, "text/csv",
                extraColumn.getBytes(StandardCharsets.UTF_8));
        assertThat(byId.statusCode()).as(byId.body()).isEqualTo(202);
        String byIdPath = URI.create(byId.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(mappingUsed(byIdPath)).isEqualTo(savedText);
        assertThat(awaitValidated(byIdPath)).contains("\"status\":\"IN_REVIEW\"", "\"accepted\":3");
        assertThat(deliveryCount(institution)).isEqualTo(deliveriesBefore + 3);
    }

    private static jakarta.json.JsonObject json(String body) {
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
            return reader.readObject();
        }
    }

    private static long institutionOf(String token) throws Exception {
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
        try (Connection db = portal.openDatabase();
             PreparedStatement q = db.prepareStatement("SELECT institution_id FROM api_token WHERE token_sha256 = ?")) {
            q.setString(1, hash);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as("token %s in the database", token).isTrue();
                return rs.getLong(1);
            }
        }
    }

    private static long deliveryCount(long institution) throws Exception {
        try (Connection db = portal.openDatabase()) {
            return Long.parseLong(single(db, "SELECT COUNT(*) FROM delivery WHERE institution_id = ?", institution));
        }
    }

    private static String mappingUsed(String deliveryPath) throws Exception {
        long id = Long.parseLong(deliveryPath.substring(deliveryPath.lastIndexOf('/') + 1));
        try (Connection db = portal.openDatabase()) {
            return single(db, "SELECT mapping_used FROM delivery WHERE id = ?", id);
        }
    }

    /** A mapping saved for a header row, as the upload page saves it on import (same signature, same text). */
    private static long saveMapping(long institution, java.util.List<String> headers, String text) throws Exception {
        try (Connection db = portal.openDatabase();
             PreparedStatement insert = db.prepareStatement("INSERT INTO saved_mapping (id, institution_id, header_signature, mapping, "
                     + "saved_by, saved_at, version) VALUES (nextval('saved_mapping_seq'), ?, ?, ?, 'it', CURRENT_TIMESTAMP, 0) "
                     + "ON CONFLICT (institution_id, header_signature) DO UPDATE SET mapping = EXCLUDED.mapping RETURNING id")) {
            insert.setLong(1, institution);
            insert.setString(2, nl.kunstloc.publieksdata.delivery.control.MappingText.signature(headers));
            insert.setString(3, text);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static java.util.Set<String> heldUploads() throws java.io.IOException {
        Path folder = portal.uploadFolder();
        if (!Files.isDirectory(folder)) {
            return java.util.Set.of();
        }
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void twoUploadsAtOnceByOneInstitutionBothComplete() throws Exception {
        byte[] first = generatedExport("X", 20_000).getBytes(StandardCharsets.UTF_8);
        byte[] second = generatedExport("Y", 15_000).getBytes(StandardCharsets.UTF_8);
        var both = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = both.submit(() -> api("POST", "/api/v1/deliveries", DOMMEL_TOKEN, "text/csv", first));
            var b = both.submit(() -> api("POST", "/api/v1/deliveries", DOMMEL_TOKEN, "text/csv", second));
            String pathA = URI.create(a.get().headers().firstValue("Location").orElseThrow(() -> new AssertionError(statusOf(a)))).getPath();
            String pathB = URI.create(b.get().headers().firstValue("Location").orElseThrow(() -> new AssertionError(statusOf(b)))).getPath();
            assertThat(pathA).isNotEqualTo(pathB);

            assertThat(awaitValidated(pathA)).contains("\"status\":\"IN_REVIEW\"",
                    "\"rows\":{\"read\":20000,\"accepted\":20000,\"rejected\":0,\"skipped\":0}");
            assertThat(awaitValidated(pathB)).contains("\"status\":\"IN_REVIEW\"",
                    "\"rows\":{\"read\":15000,\"accepted\":15000,\"rejected\":0,\"skipped\":0}");
            assertThat(storedRows(pathA)).isEqualTo(20_000);
            assertThat(storedRows(pathB)).isEqualTo(15_000);
        } finally {
            both.shutdown();
        }
    }

    private static String statusOf(java.util.concurrent.Future<HttpResponse<String>> response) {
        try {
            return response.get().statusCode() + " " + response.get().body();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static String awaitValidated(String path) throws Exception {
        String status = "";
        for (int i = 0; i < 180 && !status.contains("IN_REVIEW") && !status.contains("NEEDS_ATTENTION")
                && !status.contains("REJECTED"); i++) {
            Thread.sleep(500);
            status = api("GET", path, DOMMEL_TOKEN, null, null).body();
        }
        return status;
    }

    private static long storedRows(String deliveryPath) throws Exception {
        long id = Long.parseLong(deliveryPath.substring(deliveryPath.lastIndexOf('/') + 1));
        try (Connection db = portal.openDatabase();
             PreparedStatement q = db.prepareStatement("SELECT COUNT(*), COUNT(DISTINCT line_no) FROM delivery_row WHERE delivery_id = ?")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(2)).as("distinct lines of delivery %s", id).isEqualTo(rs.getLong(1));
                return rs.getLong(1);
            }
        }
    }

    /** A clean export of {@code rows} distinct order lines, big enough that two validations overlap. */
    static String generatedExport(String prefix, int rows) {
        StringBuilder csv = new StringBuilder("Bestelnummer;Klantnummer;Besteldatum;Voorstelling;Aantal;Postcode\n");
        String[] postcodes = {"5611 AB", "5038AB", "4811 CD", "5211 AA", "1012 AB"};
        for (int i = 1; i <= rows; i++) {
            csv.append(prefix).append(i).append(";K").append(i % 997).append(';').append(1 + i % 28).append("-02-2026;Concert ")
                    .append(i % 7).append(';').append(1 + i % 4).append(';').append(postcodes[i % postcodes.length]).append('\n');
        }
        return csv.toString();
    }

    /** A tiny clean export for the API. */
    static final class DemoExports {
        static final String CLEAN = "Bestelnummer;Klantnummer;Besteldatum;Voorstelling;Aantal;Postcode\n"
                + "A1;K1;01-02-2026;Concert;2;5611 AB\nA2;K2;02-02-2026;Concert;1;5038AB\nA3;K3;03-02-2026;Concert;4;4811 CD\n";
    }

    private void awaitStatus(String expected) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(90)).until(d -> {
            if (d.findElements(By.id("status")).stream().anyMatch(e -> e.getText().equals(expected))) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });
    }

    private static HttpResponse<String> api(String method, String path, String token, String type, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal.url(path))).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (type != null) {
            request.header("Content-Type", type);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with the browser's session cookie. */
    private static HttpResponse<String> browserGet(String path) throws Exception {
        StringBuilder cookies = new StringBuilder();
        browser.driver().manage().getCookies().forEach(c -> cookies.append(c.getName()).append('=').append(c.getValue()).append("; "));
        return HTTP.send(HttpRequest.newBuilder(URI.create(portal.url(path))).header("Cookie", cookies.toString()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String taskId(long deliveryId, String taskKey) throws Exception {
        try (Connection db = portal.openDatabase();
             PreparedStatement q = db.prepareStatement("SELECT t.id_ FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ "
                     + "WHERE e.business_key_ = ? AND t.task_def_key_ = ?")) {
            q.setString(1, "delivery-" + deliveryId);
            q.setString(2, taskKey);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as("open task %s of delivery %s", taskKey, deliveryId).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static String single(Connection db, String sql, long id) throws Exception {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static long idFrom(String path) {
        Matcher m = Pattern.compile("id=(\\d+)").matcher(path);
        assertThat(m.find()).as(path).isTrue();
        return Long.parseLong(m.group(1));
    }
}
