package nl.kunstloc.publieksdata.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nl.kunstloc.publieksdata.delivery.control.HostileExports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 findings 2 and 3 against the running portal, through the REST API as the reporter did: a
 * 200 MB cell, a zip-bomb XLSX and a 1 MB quoted remark past the preview. Each ends in a JSON answer or
 * a rejected delivery that names the line, nothing stays in the upload folder, and the server goes on.
 * No browser: it shares the portal of the browser tests ({@link PortalServer#get()}).
 */
class HostileUploadIT {

    static final String DOMMEL_TOKEN = DeliveryBrowserIT.DOMMEL_TOKEN;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static PortalServer portal;

    @BeforeAll
    static void start() {
        portal = PortalServer.get();
    }

    @Test
    void hostileUploadsAreRefusedWithTheirLineLeaveNothingBehindAndTheServerGoesOn() throws Exception {
        java.util.Set<String> heldBefore = heldUploads();

        // one 200 MB cell on one line, sent chunked: a JSON 400 naming the line, not an OutOfMemoryError
        HttpRequest huge = HttpRequest.newBuilder(URI.create(portal.url("/api/v1/deliveries"))).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + DOMMEL_TOKEN).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> HostileExports.oneHugeCell(200L << 20))).build();
        HttpResponse<String> refused = HTTP.send(huge, HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(refused.body()).contains("\"error\":\"delivery.upload.fieldTooLong\"", "\"line\":2", "Line 2, column 4");
        assertThat(heldUploads()).as("a refused upload holds personal data: nothing stays").isEqualTo(heldBefore);

        // a zip bomb: a few MB that inflate to 2 GiB of sheet
        HttpResponse<String> bomb = api("POST", "/api/v1/deliveries", DOMMEL_TOKEN, XLSX,
                HostileExports.xlsxBomb(2L << 30));
        assertThat(bomb.statusCode()).as(bomb.body()).isEqualTo(400);
        assertThat(bomb.body()).contains("\"error\":\"delivery.upload.xlsxBomb\"");
        assertThat(heldUploads()).isEqualTo(heldBefore);

        // the reported 20-row export with a 1 MB quoted remark in row 21: the upload reads the first 200 rows to
        // recognise the columns by their values, so it is refused at the door, naming the line, and nothing is held
        HttpResponse<String> remark = api("POST", "/api/v1/deliveries", DOMMEL_TOKEN, "text/csv",
                HostileExports.withLongQuotedField(1 << 20, 20)
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(remark.statusCode()).as(remark.body()).isEqualTo(400);
        assertThat(remark.body()).contains("\"error\":\"delivery.upload.fieldTooLong\"", "Line 22, column 4");
        assertThat(heldUploads()).isEqualTo(heldBefore);

        // the server still answers, and a small clean file is validated in seconds
        long start = System.nanoTime();
        HttpResponse<String> clean = api("POST", "/api/v1/deliveries", DOMMEL_TOKEN, "text/csv",
                DeliveryBrowserIT.DemoExports.CLEAN.getBytes(StandardCharsets.UTF_8));
        assertThat(clean.statusCode()).as(clean.body()).isEqualTo(202);
        String validated = awaitValidated(URI.create(clean.headers().firstValue("Location").orElseThrow()).getPath());
        System.out.printf("[reader] small file: upload to validated in %.1f s%n", (System.nanoTime() - start) / 1e9);
        assertThat(validated).contains("\"status\":\"IN_REVIEW\"");
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

    private static String awaitValidated(String path) throws Exception {
        String status = "";
        for (int i = 0; i < 240 && !status.contains("IN_REVIEW") && !status.contains("NEEDS_ATTENTION")
                && !status.contains("REJECTED"); i++) {
            Thread.sleep(250);
            status = api("GET", path, DOMMEL_TOKEN, null, null).body();
        }
        return status;
    }

    private static HttpResponse<String> api(String method, String path, String token, String type, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal.url(path))).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (type != null) {
            request.header("Content-Type", type);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
