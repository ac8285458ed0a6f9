package nl.kunstloc.publieksdata.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The audience report as its users meet it: the coordinator accepts Theater aan de Dommel's waiting delivery,
 * the report is computed in the background, the coordinator approves the draft, the director approves it
 * in the task page, the published report shows its map, and its PDF and Excel file carry the page's figures.
 * Members of another institution, a policymaker and anonymous visitors are refused by id too.
 */
class ReportBrowserIT {

    static final String PASSWORD = "demo-2026!";
    static final String COORDINATOR = "coordinator@kunstloc.nl";
    static final String DIRECTOR = "directie@dommeltheater.nl";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

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
    void fromAnAcceptedDeliveryThroughReviewAndApprovalToThePublishedReportAndItsDownloads() throws Exception {
        long deliveryId = Long.parseLong(single("SELECT id FROM delivery WHERE file_name = 'dommel-maart-2026.csv' AND status = 'IN_REVIEW'"));
        long dommel = Long.parseLong(single("SELECT institution_id FROM delivery WHERE id = " + deliveryId));
        int before = Integer.parseInt(single("SELECT COALESCE(MAX(report_version), 0) FROM audience_report WHERE institution_id = " + dommel));

        browser.login(COORDINATOR, PASSWORD);
        browser.open("/delivery/review.xhtml?taskId=" + task("delivery-" + deliveryId, "reviewDelivery"));
        browser.click(By.id("review:accept"));
        browser.waiting().until(d -> d.getCurrentUrl().contains("/tasks/inbox.xhtml"));

        long reportId = awaitReport(dommel, before + 1, "IN_REVIEW");
        browser.open("/report/review.xhtml?taskId=" + task("report-" + reportId, "reviewReport"));
        browser.assertHeading("Rapport beoordelen: Theater aan de Dommel").checkAccessibility().screenshot("report-review");
        String matchRate = browser.text(By.id("match-rate"));
        browser.type(By.id("review:text"), "Maart telt mee; de cijfers zijn gecontroleerd.");
        browser.click(By.id("review:approve"));
        browser.waiting().until(d -> d.getCurrentUrl().contains("/tasks/inbox.xhtml"));
        browser.logout();

        browser.login(DIRECTOR, PASSWORD);
        browser.open("/tasks/inbox.xhtml");
        assertThat(browser.pageSource()).contains("Publieksrapport goedkeuren");
        browser.open("/report/approve.xhtml?taskId=" + task("report-" + reportId, "approveReport"));
        browser.assertHeading("Rapport goedkeuren: Theater aan de Dommel").checkAccessibility().screenshot("report-approve");
        assertThat(browser.text(By.id("coordinator-note"))).contains("Maart telt mee");
        browser.click(By.id("approve:approveReport"));
        browser.waiting().until(d -> d.getCurrentUrl().contains("/report/report.xhtml"));
        assertThat(single("SELECT status FROM audience_report WHERE id = " + reportId)).isEqualTo("PUBLISHED");
        assertThat(browser.text(By.id("basis-version"))).contains("Gepubliceerd");
        assertThat(browser.text(By.id("match-rate"))).isEqualTo(matchRate);
        browser.waiting().until(d -> d.findElement(By.id("report-map")).getAttribute("data-drawn") != null);
        assertThat(Integer.parseInt(browser.driver().findElement(By.id("report-map")).getAttribute("data-drawn"))).isEqualTo(56);
        browser.checkAccessibility().screenshot("report-page");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('report-map').scrollIntoView({block: 'center'});");
        browser.screenshot("report-map");
        assertThat(browser.pageSource()).contains("id=\"other-versions\"");
        String period = browser.text(By.id("period"));
        String firstMunicipality = browser.text(By.cssSelector("#table-municipalities tbody tr:first-child th"));
        String firstPeople = browser.text(By.cssSelector("#table-municipalities tbody tr:first-child td:nth-child(2)"));

        HttpResponse<byte[]> pdf = get("/report/download?id=" + reportId + "&format=pdf", true);
        assertThat(pdf.statusCode()).isEqualTo(200);
        Path screenshots = Path.of("target", "screenshots");
        Files.createDirectories(screenshots);
        Files.write(screenshots.resolve("report.pdf"), pdf.body());
        try (var doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Theater aan de Dommel", matchRate, period, firstMunicipality, firstPeople);
        }
        HttpResponse<byte[]> xlsx = get("/report/download?id=" + reportId + "&format=xlsx", true);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = wb.getSheet("municipalities");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo(firstMunicipality);
            var people = sheet.getRow(2).getCell(1);
            assertThat(people.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                    ? String.format(java.util.Locale.forLanguageTag("nl"), "%,d", (long) people.getNumericCellValue())
                    : people.getStringCellValue()).isEqualTo(firstPeople);
        }
        HttpResponse<byte[]> open = get("/report/download?id=" + reportId + "&format=datapackage", true);
        assertThat(open.statusCode()).isEqualTo(200);
        java.util.Map<String, String> files = new java.util.HashMap<>();
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(open.body()), java.nio.charset.StandardCharsets.UTF_8)) {
            for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                files.put(e.getName(), new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertThat(files.get("datapackage.json")).contains("tabular-data-package", "Theater aan de Dommel");
        // the same municipality and count as the page, first row after the header (numbers without separators)
        String firstLine = files.get("municipalities.csv").lines().skip(1).findFirst().orElseThrow();
        assertThat(firstLine).startsWith(firstMunicipality.contains(",") ? "\"" + firstMunicipality + "\"" : firstMunicipality)
                .contains("," + firstPeople.replace(".", "") + ",");
        assertThat(files).containsKey("rows.csv");
        assertThat(files.get("rows.csv").lines().skip(1).findFirst().orElseThrow()).doesNotContain("@");
        browser.logout();

        for (String outsider : new String[] {"data@zomerklanken.nl", "beleid@brabant.nl", "beheer@kunstloc.nl"}) {
            WebClient client = new WebClient(portal);
            client.login(outsider, PASSWORD);
            assertThat(client.get("/report/report.xhtml?id=" + reportId).statusCode()).as(outsider).isIn(403, 404);
            assertThat(client.get("/report/download?id=" + reportId + "&format=pdf").statusCode()).as(outsider).isIn(403, 404);
            assertThat(client.get("/report/download?id=" + reportId + "&format=datapackage").statusCode()).as(outsider).isIn(403, 404);
        }
        WebClient anonymous = new WebClient(portal);
        assertThat(anonymous.get("/report/report.xhtml?id=" + reportId).statusCode()).isEqualTo(302);
        assertThat(anonymous.get("/report/download?id=" + reportId + "&format=pdf").statusCode()).isEqualTo(302);
    }

    private static long awaitReport(long institution, int version, String status) throws Exception {
        Instant end = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(end)) {
            String found = single("SELECT id FROM audience_report WHERE institution_id = " + institution
                    + " AND report_version = " + version + " AND status = '" + status + "'");
            if (found != null) {
                return Long.parseLong(found);
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("report version " + version + " did not reach " + status);
    }

    private static HttpResponse<byte[]> get(String path, boolean withSession) throws Exception {
        StringBuilder cookies = new StringBuilder();
        if (withSession) {
            browser.driver().manage().getCookies().forEach(c -> cookies.append(c.getName()).append('=').append(c.getValue()).append("; "));
        }
        return HTTP.send(HttpRequest.newBuilder(URI.create(portal.url(path))).header("Cookie", cookies.toString()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String task(String businessKey, String taskKey) throws Exception {
        String id = single("SELECT t.id_ FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ WHERE e.business_key_ = '"
                + businessKey + "' AND t.task_def_key_ = '" + taskKey + "'");
        assertThat(id).as("open task %s of %s", taskKey, businessKey).isNotNull();
        return id;
    }

    private static String single(String sql) throws Exception {
        try (Connection db = portal.openDatabase(); PreparedStatement q = db.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
