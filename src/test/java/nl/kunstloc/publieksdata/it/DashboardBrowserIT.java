package nl.kunstloc.publieksdata.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The dashboards as their users meet them: the coordinator's pilot overview (funnel numbers as the database
 * has them, the drill-down behind a number, the Excel file, the process page in words), a municipality's
 * policymaker (own municipality and the province only, by parameter too, never an institution's name) and the
 * province's policymaker (any municipality; Helmond's figures withheld by the dominance rule).
 */
class DashboardBrowserIT {

    static final String PASSWORD = "demo-2026!";
    static final String COORDINATOR = "coordinator@kunstloc.nl";
    static final String EINDHOVEN = "beleid@eindhoven.nl";
    static final String PROVINCE = "beleid@brabant.nl";
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
    void theCoordinatorSeesThePilotFunnelItsInstitutionsTheAttentionListTheStatisticsAndTheExcelFile() throws Exception {
        long published = Long.parseLong(single("SELECT COUNT(DISTINCT institution_id) FROM audience_report WHERE published_at IS NOT NULL"));
        long institutions = Long.parseLong(single("SELECT COUNT(*) FROM institution"));
        assertThat(published).as("demo institutions with a published report").isGreaterThanOrEqualTo(10);

        browser.login(COORDINATOR, PASSWORD);
        browser.open("/dashboard/overview.xhtml");
        browser.assertHeading("Pilotoverzicht").checkAccessibility().screenshot("dashboard-overview");
        assertThat(browser.text(By.cssSelector("#funnel-total a.funnel-INVITED"))).isEqualTo(String.valueOf(institutions));
        assertThat(browser.text(By.cssSelector("#funnel-total a.funnel-REPORT_PUBLISHED"))).isEqualTo(String.valueOf(published));
        assertThat(browser.text(By.id("overview:processes"))).contains("Publieksrapport", "Verwerkersovereenkomst");
        assertThat(browser.text(By.id("overview:steps"))).doesNotContain("null");

        // a filter narrows the funnel: seven theatres have a published report (Dommel and six of the first round)
        long theatres = Long.parseLong(single("SELECT COUNT(DISTINCT r.institution_id) FROM audience_report r JOIN institution i"
                + " ON i.id = r.institution_id WHERE r.published_at IS NOT NULL AND i.type = 'THEATRE'"));
        browser.choose("overview:type", "Theater").awaitAjax();
        browser.waiting().until(d -> d.findElement(By.cssSelector("#funnel-total a.funnel-REPORT_PUBLISHED")).getText()
                .equals(String.valueOf(theatres)));

        // the number is a link to the institutions behind it
        browser.click(By.cssSelector("#funnel-total a.funnel-REPORT_PUBLISHED"));
        browser.waiting().until(d -> d.getCurrentUrl().contains("/dashboard/institutions.xhtml"));
        browser.assertHeading("Instellingen: Rapport gepubliceerd").checkAccessibility().screenshot("dashboard-institutions");
        List<String> names = browser.texts(By.cssSelector("#list_data tr td:first-child a"));
        assertThat(names).hasSize((int) theatres).contains("Theater aan de Dommel", "Theater De Kasteelhof")
                .doesNotContain("Museum Lichtstad");
        // and each institution's processes are linked from its timeline
        assertThat(browser.pageSource()).contains("/tasks/process.xhtml?id=");

        // the Excel file has the same funnel
        byte[] xlsx = download("/dashboard/overview.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var funnel = book.getSheet("Trechter");
            assertThat(funnel.getRow(7).getCell(0).getStringCellValue()).isEqualTo("Rapport gepubliceerd");
            assertThat((long) funnel.getRow(7).getCell(1).getNumericCellValue()).isEqualTo(published);
            assertThat(book.getSheet("Instellingen").getPhysicalNumberOfRows()).isEqualTo((int) institutions + 1);
        }
    }

    @Test
    void theProcessPageNamesTheCurrentStepsAndTheProcessDataInDutch() throws Exception {
        String process = single("SELECT process_instance_id FROM agreement WHERE status = 'ACTIVE' AND institution_name = 'Theater aan de Dommel'");
        browser.login(COORDINATOR, PASSWORD);
        browser.open("/tasks/process.xhtml?id=" + process);
        String now = browser.text(By.id("now-heading")) + browser.text(By.cssSelector("section[aria-labelledby='now-heading']"));
        assertThat(now).contains("Overeenkomst actief").doesNotContain("Agreement active", "Renewal reminder date");
        String data = browser.text(By.cssSelector("section[aria-labelledby='vars-heading']"));
        assertThat(data).contains("Overeenkomst", "Herinnering verlenging op")
                .doesNotContain("agreementId", "renewalReminderDate", "institutionId", "00:00:00");
        assertThat(browser.driver().findElement(By.cssSelector("section[aria-labelledby='vars-heading'] a[href*='/agreement/detail.xhtml?id=']"))
                .isDisplayed()).isTrue();
        browser.checkAccessibility().screenshot("process-in-words");
    }

    @Test
    void aMunicipalityPolicymakerSeesTheirMunicipalityAndTheProvinceAndNothingElse() throws Exception {
        browser.login(EINDHOVEN, PASSWORD);
        browser.open("/dashboard/municipality.xhtml");
        browser.assertHeading("Gemeenteoverzicht: Eindhoven").checkAccessibility().screenshot("dashboard-municipality-eindhoven");
        assertThat(browser.driver().findElements(By.id("choose"))).as("no choice of municipality").isEmpty();
        String total = browser.text(By.cssSelector("#area-table tfoot td"));
        assertThat(total).matches("[0-9.]+");
        assertThat(browser.text(By.id("comparison"))).contains("Provincie Noord-Brabant");
        assertThat(browser.driver().findElements(By.cssSelector("#potential-table tbody tr"))).isNotEmpty();
        // the trend: a column per season, a row per target group, each season under the rules on its own
        assertThat(browser.texts(By.cssSelector("#trend-table thead th"))).extracting(String::trim)
                .contains("Doelgroep", "2024/25", "2025/26");
        assertThat(browser.driver().findElements(By.cssSelector("#trend-table tbody tr")))
                .as("one row per target group of the area table, and the totals").hasSize(
                        browser.driver().findElements(By.cssSelector("#area-table tbody tr")).size() + 3);
        assertThat(browser.texts(By.cssSelector("#trend-table tbody td"))).allSatisfy(cell ->
                assertThat(cell.trim()).matches("[0-9.,]+( \\([0-9.]+\\))?|—|niet te tonen.*"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("document.getElementById('trend').scrollIntoView()");
        browser.screenshot("dashboard-municipality-trend");
        // the map per PC4 draws Eindhoven's postcode areas, the table beside it has one row each
        browser.waiting().until(d -> d.findElement(By.id("pc4-map")).getAttribute("data-drawn") != null);
        int drawn = Integer.parseInt(browser.driver().findElement(By.id("pc4-map")).getAttribute("data-drawn"));
        assertThat(drawn).as("PC4 areas drawn").isGreaterThan(10);
        assertThat(browser.driver().findElements(By.cssSelector("#pc4-table tbody tr"))).as("PC4 rows").hasSizeGreaterThan(10);
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("document.getElementById('pc4').scrollIntoView()");
        browser.checkAccessibility().screenshot("dashboard-municipality-map");
        assertNoInstitutionLevelData(browser.pageSource());

        WebClient client = new WebClient(portal);
        assertThat(client.login(EINDHOVEN, PASSWORD)).isEqualTo(302);
        assertThat(client.get("/dashboard/municipality.xhtml?gm=GM0772").statusCode()).isEqualTo(200);
        assertThat(client.get("/dashboard/municipality.xhtml?gm=PV30").statusCode()).as("the province totals").isEqualTo(200);
        assertThat(client.get("/dashboard/municipality.xhtml?gm=GM0855").statusCode()).as("Tilburg, by parameter").isEqualTo(404);
        assertThat(client.get("/dashboard/municipality.xhtml?gm=gm0855").statusCode()).as("Tilburg, in lower case").isEqualTo(404);
        HttpResponse<String> compared = client.get("/dashboard/municipality.xhtml?gm=GM0772&compare=GM0855");
        assertThat(compared.body()).as("a second municipality is not theirs to choose").doesNotContain("Tilburg");
        assertThat(client.get("/dashboard/pc4.geojson?gm=GM0772").statusCode()).isEqualTo(200);
        assertThat(client.get("/dashboard/pc4.geojson?gm=GM0855").statusCode()).as("Tilburg's shapes").isEqualTo(404);
        HttpResponse<byte[]> pdf = client.getBytes("/dashboard/municipality.pdf?gm=GM0772");
        assertThat(pdf.statusCode()).as("the printable PDF of Eindhoven").isEqualTo(200);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("Gemeenteoverzicht: Eindhoven", "Bereik per doelgroep", "minstens 3 instellingen",
                    "Ontwikkeling per seizoen", "2024/25", "2025/26");
            assertNoInstitutionLevelData(text);
        }
        assertThat(client.getBytes("/dashboard/municipality.pdf?gm=GM0855").statusCode()).as("Tilburg's PDF").isEqualTo(404);
        HttpResponse<byte[]> comparedPdf = client.getBytes("/dashboard/municipality.pdf?gm=GM0772&compare=GM0855");
        assertThat(comparedPdf.statusCode()).isEqualTo(200);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(comparedPdf.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
                    .as("a second municipality in the PDF is not theirs to choose either: the province instead").doesNotContain("Tilburg")
                    .contains("Noord-Brabant");
        }
        assertThat(client.get("/dashboard/overview.xhtml").statusCode()).isEqualTo(403);
        assertThat(client.get("/dashboard/institutions.xhtml?stage=REPORT_PUBLISHED").statusCode()).isEqualTo(403);
        assertThat(client.get("/dashboard/overview.xlsx").statusCode()).isEqualTo(403);
        String report = single("SELECT MIN(id) FROM audience_report WHERE status = 'PUBLISHED'");
        assertThat(client.get("/report/report.xhtml?id=" + report).statusCode()).as("an institution's report").isEqualTo(403);
        assertThat(client.get("/report/download?id=" + report + "&format=xlsx").statusCode()).isEqualTo(403);
        assertThat(client.get("/tasks/process.xhtml?id=" + single("SELECT process_instance_id FROM agreement WHERE status = 'ACTIVE'"
                + " AND institution_name = 'Theater aan de Dommel'")).statusCode()).as("an institution's process").isEqualTo(404);
    }

    @Test
    void theProvincePolicymakerChoosesAnyMunicipalityAndSeesWhereTheRulesWithholdAFigure() throws Exception {
        browser.login(PROVINCE, PASSWORD);
        browser.open("/dashboard/municipality.xhtml");
        browser.assertHeading("Gemeenteoverzicht: Provincie Noord-Brabant").checkAccessibility();
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("gm"))).selectByVisibleText("Helmond");
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("compare"))).selectByVisibleText("Eindhoven");
        browser.click(By.id("show"));
        browser.waiting().until(d -> d.getCurrentUrl().contains("gm=GM0794"));
        browser.assertHeading("Gemeenteoverzicht: Helmond").checkAccessibility().screenshot("dashboard-municipality-helmond");
        // Theater De Kasteelhof makes up most of Helmond's audience: its total may not be shown
        assertThat(browser.text(By.cssSelector("#area-table tfoot td"))).isEqualTo("niet te tonen: één instelling is meer dan 70%");
        assertThat(browser.text(By.id("comparison"))).contains("Eindhoven");
        assertThat(browser.texts(By.cssSelector("#trend-table tbody td.withheld"))).as("Helmond's seasons are withheld too")
                .isNotEmpty().allSatisfy(cell -> assertThat(cell).startsWith("niet te tonen"));
        assertNoInstitutionLevelData(browser.pageSource());

        WebClient client = new WebClient(portal);
        assertThat(client.login(PROVINCE, PASSWORD)).isEqualTo(302);
        assertThat(client.get("/dashboard/municipality.xhtml?gm=GM0855").statusCode()).isEqualTo(200);
        assertThat(client.get("/dashboard/municipality.xhtml?gm=GM9999").statusCode()).as("no such municipality").isEqualTo(404);
        assertThat(client.get("/dashboard/municipality.xhtml?gm=GM0772&compare=GM0855").body()).contains("Tilburg");
    }

    @Test
    void aPublishedReportShowsItsPeersAverageOnlyWithFiveOrMoreOthersOfItsTypeNeverNamingThem() throws Exception {
        browser.login(COORDINATOR, PASSWORD);
        String dommel = single("SELECT r.id FROM audience_report r WHERE r.status = 'PUBLISHED' AND r.institution_name = 'Theater aan de Dommel'");
        browser.open("/report/report.xhtml?id=" + dommel);
        browser.assertHeading("Publieksrapport: Theater aan de Dommel");
        long otherTheatres = Long.parseLong(single("SELECT COUNT(*) FROM audience_report r JOIN institution i ON i.id = r.institution_id"
                + " WHERE r.status = 'PUBLISHED' AND i.type = 'THEATRE' AND i.name <> 'Theater aan de Dommel'"));
        assertThat(otherTheatres).isGreaterThanOrEqualTo(5);
        assertThat(browser.text(By.id("peers"))).contains("de " + otherTheatres + " andere instellingen van het type Theater");
        assertThat(browser.driver().findElements(By.cssSelector("#peers-table tbody tr"))).hasSize(7);
        String peers = browser.driver().findElement(By.id("peers")).getAttribute("innerHTML");
        for (String name : List.of("Theater De Kasteelhof", "Stadsschouwburg Het Kwartier", "Theater aan de Mark", "Schouwburg Maasland")) {
            assertThat(browser.pageSource()).as("a peer's name").doesNotContain(name);
        }
        assertThat(peers).doesNotContain("/report/report.xhtml");
        browser.checkAccessibility().screenshot("report-peer-benchmark");

        // three museums: too few for a comparison, and the page says why
        String museum = single("SELECT id FROM audience_report WHERE status = 'PUBLISHED' AND institution_name = 'Museum Lichtstad'");
        browser.open("/report/report.xhtml?id=" + museum);
        assertThat(browser.text(By.id("peers-why-not"))).contains("minstens 5 andere instellingen van het type Museum", "er nu 2");
        assertThat(browser.driver().findElements(By.id("peers-table"))).isEmpty();
    }

    @Test
    void anAdministratorGivesANewPolicymakerTheirMunicipalityAndThatIsAllTheySee() throws Exception {
        String user = "beleid-" + System.nanoTime() + "@tilburg.nl";
        String password = "Tilburg-beleid-2026";
        browser.login("beheer@kunstloc.nl", PASSWORD);
        browser.open("/admin/users.xhtml");
        browser.click(By.id("users:new")).awaitAjax();
        browser.type(By.id("userForm:email"), user);
        browser.type(By.id("userForm:name"), "Tanja Tilburg");
        browser.click(By.xpath("//label[normalize-space()='Beleidsmaker']"));
        browser.choose("userForm:policyArea", "Tilburg");
        browser.type(By.id("userForm:password"), password);
        browser.checkAccessibility();
        browser.click(By.id("userForm:save")).awaitAjax();
        browser.waiting().until(d -> d.findElement(By.id("users:list")).getText().contains(user));
        assertThat(single("SELECT policy_area FROM app_user WHERE username = '" + user + "'")).isEqualTo("GM0855");
        browser.logout();

        browser.login(user, password);
        browser.open("/dashboard/municipality.xhtml");
        browser.assertHeading("Gemeenteoverzicht: Tilburg");
        WebClient client = new WebClient(portal);
        assertThat(client.login(user, password)).isEqualTo(302);
        assertThat(client.get("/dashboard/municipality.xhtml?gm=GM0772").statusCode()).as("Eindhoven").isEqualTo(404);
    }

    /** No institution's name, and no link to anything of an institution, on a policymaker's page. */
    static void assertNoInstitutionLevelData(String page) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection db = portal.openDatabase(); PreparedStatement q = db.prepareStatement("SELECT name FROM institution");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        assertThat(names).isNotEmpty();
        for (String name : names) {
            assertThat(page).as("the page names " + name).doesNotContain(name).doesNotContain(name.replace("'", "&#39;"));
        }
        assertThat(page).doesNotContain("/report/report.xhtml", "/onboarding/institution.xhtml", "/tasks/process.xhtml");
    }

    private static byte[] download(String path) throws Exception {
        var cookie = browser.driver().manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(portal.url(path)))
                .header("Cookie", "JSESSIONID=" + cookie.getValue()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static String single(String sql) throws Exception {
        try (Connection db = portal.openDatabase(); PreparedStatement q = db.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
