package nl.kunstloc.publieksdata.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** What the tests that kill portals ask of the delivery API: is a delivery validated yet, on this node. */
final class DeliveryApiPolling {

    /** Theater aan de Dommel's API token in the demo data. */
    static final String DOMMEL_TOKEN = "pd_demo_dommel_7c1e0b5a9f4d4b8e";
    static final Set<String> VALIDATED = Set.of("IN_REVIEW", "NEEDS_ATTENTION");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DeliveryApiPolling() {
    }

    /**
     * Polls {@code GET /api/v1/deliveries/{id}} on {@code portal} until the delivery is validated.
     *
     * @param after what the timeout counts from, for the failure message (e.g. " of the restart"; "" for nothing)
     */
    static JsonObject awaitValidated(PortalServer portal, long id, Duration timeout, String after)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(portal.url("/api/v1/deliveries/" + id)))
                    .header("Authorization", "Bearer " + DOMMEL_TOKEN).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200 && VALIDATED.contains(json(response.body()).getString("status"))) {
                return json(response.body());
            }
            Thread.sleep(500);
        }
        throw new AssertionError("delivery " + id + " not validated within " + timeout + after + "; last answer: " + last);
    }

    static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
