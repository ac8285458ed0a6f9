package nl.kunstloc.publieksdata.demo.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;
import nl.kunstloc.publieksdata.delivery.control.ApiTokens;
import nl.kunstloc.publieksdata.delivery.control.Deliveries;
import nl.kunstloc.publieksdata.delivery.entity.Delivery;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.institution.entity.Institution;
import nl.kunstloc.publieksdata.workflow.Workflow;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deliveries of Theater aan de Dommel (the institution with an active agreement) at every stage,
 * made through the real process: one validated, one needing attention, one waiting for the
 * coordinator's review. And demo API tokens, set by configuration, so the API can be tried at once:
 * {@code publieksdata.demo.api-token.dommel} (active agreement) and
 * {@code publieksdata.demo.api-token.zomerklanken} (no active agreement yet: refused with 409).
 * Filmtheater De Spiegel gets two validated deliveries, one waiting for review (its file still
 * held) and one needing attention that nobody acts on, and {@code publieksdata.demo.api-token.spiegel}: the institution on which withdrawal and
 * the end of the retention period are tried (RetentionBrowserIT), apart from everything else.
 */
@Dependent
public class DeliveryDemo {

    private static final Logger LOG = Logger.getLogger(DeliveryDemo.class.getName());
    private static final String MEMBER = "marketing@dommeltheater.nl";
    private static final String SPIEGEL_MEMBER = "programma@filmtheaterdespiegel.nl";
    private static final String COORDINATOR = "coordinator@kunstloc.nl";

    @Inject
    Institutions institutions;

    @Inject
    Deliveries deliveries;

    @Inject
    ApiTokens tokens;

    @Inject
    Workflow workflow;

    @Inject
    @ConfigProperty(name = "publieksdata.demo.api-token.dommel", defaultValue = "pd_demo_dommel_7c1e0b5a9f4d4b8e")
    String dommelToken;

    @Inject
    @ConfigProperty(name = "publieksdata.demo.api-token.zomerklanken", defaultValue = "pd_demo_zomerklanken_2b6f3e81c0a5")
    String zomerToken;

    @Inject
    @ConfigProperty(name = "publieksdata.demo.api-token.spiegel", defaultValue = "pd_demo_spiegel_5d90a7c3e1b84f26")
    String spiegelToken;

    static final String HEADER = "Bestelling ID;Klant ID;Voornaam;E-mail;Besteldatum;Evenement;Evenementdatum;Locatie;Genre;Prijstype;Prijs;Aantal;Verkoopkanaal;Postcode;Land\r\n";
    private static final String[] POSTCODES = {"5611 AB", "5612 CD", "5038 AB", "5211 AA", "4811 CD", "5701 AA", "5401 AB", "5503 BA"};
    private static final String[] EVENTS = {"Café Chantant;15-03-2026;Grote zaal;Muziek", "Noël in Brabant;20-12-2026;Kleine zaal;Theater",
            "De Dommel danst;04-04-2026;Grote zaal;Dans"};

    public void load() {
        Institution dommel = institutions.findByName("Theater aan de Dommel").orElseThrow();
        tokens.ensure(dommel.getId(), "demo", dommelToken, "demo");
        institutions.findByName("Festival Zomerklanken").ifPresent(z -> tokens.ensure(z.getId(), "demo", zomerToken, "demo"));

        Delivery validated = upload(dommel, "dommel-januari-2026.csv", clean(1, 120));
        review(validated, true);
        upload(dommel, "dommel-februari-2026.csv", messy());
        upload(dommel, "dommel-maart-2026.csv", clean(500, 80));

        Institution spiegel = institutions.findByName(AgreementDemo.SPIEGEL).orElseThrow();
        tokens.ensure(spiegel.getId(), "demo", spiegelToken, "demo");
        review(upload(spiegel, "spiegel-januari-2026.csv", clean(1000, 40), SPIEGEL_MEMBER), true);
        review(upload(spiegel, "spiegel-februari-2026.csv", clean(1100, 30), SPIEGEL_MEMBER), true);
        upload(spiegel, "spiegel-maart-2026.csv", clean(1200, 20), SPIEGEL_MEMBER);
        upload(spiegel, "spiegel-april-2026.csv", messy(1300), SPIEGEL_MEMBER); // needs attention; nobody acts on it
        LOG.info("Demo deliveries loaded");
    }

    private Delivery upload(Institution institution, String name, String csv) {
        return upload(institution, name, csv, MEMBER);
    }

    private Delivery upload(Institution institution, String name, String csv, String member) {
        Deliveries.Upload upload = deliveries.receive(institution.getId(),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), name, Optional.empty());
        Delivery delivery = deliveries.importUpload(institution.getId(), upload, upload.preview().proposal().mapping(),
                false, null, member);
        workflow.runDueJobs(delivery.getProcessInstanceId());
        return delivery;
    }

    private void review(Delivery delivery, boolean accept) {
        workflow.openTask(delivery.getProcessInstanceId(), "reviewDelivery")
                .ifPresent(task -> deliveries.accept(delivery.getId(), task.id(), COORDINATOR));
    }

    static String clean(int firstOrder, int rows) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < rows; i++) {
            int order = firstOrder + i;
            csv.append("D").append(order).append(";K").append(order % 53).append(";Naam;naam@example.nl;")
                    .append(String.format("%02d-01-2026", 1 + i % 28)).append(';').append(EVENTS[i % EVENTS.length])
                    .append(";Regulier;€ ").append(15 + i % 20).append(",50;").append(1 + i % 4).append(";Online;")
                    .append(POSTCODES[i % POSTCODES.length]).append(";Nederland\r\n");
        }
        return csv.toString();
    }

    /** A clean file with the problems real exports have: bad dates and postcodes, zero tickets, a total row. */
    static String messy() {
        return messy(300);
    }

    static String messy(int firstOrder) {
        StringBuilder csv = new StringBuilder(clean(firstOrder, 60));
        csv.append("D901;K1;Naam;x@example.nl;31-02-2026;").append(EVENTS[0]).append(";Regulier;€ 10,00;2;Online;5611 AB;Nederland\r\n");
        csv.append("D902;K2;Naam;x@example.nl;02-02-2026;").append(EVENTS[0]).append(";Regulier;€ 10,00;0;Online;5611 AB;Nederland\r\n");
        csv.append("D903;K3;Naam;x@example.nl;03-02-2026;").append(EVENTS[1]).append(";Regulier;€ 10,00;2;Online;ABCD;Nederland\r\n");
        csv.append("D904;K4;Naam;x@example.nl;03-02-2026;").append(EVENTS[1]).append(";Regulier;€ 10,00;2;Online;;Nederland\r\n");
        csv.append("Totaal;;;;;;;;;;€ 1.234,00;150;;;\r\n");
        return csv.toString();
    }
}
