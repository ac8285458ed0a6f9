package nl.kunstloc.publieksdata.demo.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.logging.Logger;
import nl.kunstloc.publieksdata.delivery.control.Deliveries;
import nl.kunstloc.publieksdata.delivery.entity.Delivery;
import nl.kunstloc.publieksdata.delivery.entity.DeliveryStatus;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.institution.entity.Institution;
import nl.kunstloc.publieksdata.institution.entity.Venue;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.report.control.Reports;
import nl.kunstloc.publieksdata.report.entity.AudienceReport;
import nl.kunstloc.publieksdata.report.entity.ReportStatus;
import nl.kunstloc.publieksdata.segmentation.control.Pc4Centroids;
import nl.kunstloc.publieksdata.workflow.Workflow;

/**
 * Audience reports at every stage, made through the real processes and the real calculator over rows
 * that look like a Brabant theatre's audience: Theater aan de Dommel (Eindhoven) gets a venue and two
 * season exports whose customers live mostly near the venue, fewer further away (population × a distance
 * decay of about 8 km). Its version 1 and 2 are published (1 superseded, readable beside 2), version 3 waits
 * for directie@dommeltheater.nl. Filmtheater De Spiegel's report waits for the coordinator's review.
 */
@Dependent
public class ReportDemo {

    private static final Logger LOG = Logger.getLogger(ReportDemo.class.getName());
    private static final String MEMBER = "marketing@dommeltheater.nl";
    private static final String DIRECTOR = "directie@dommeltheater.nl";
    private static final String COORDINATOR = "coordinator@kunstloc.nl";
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final String[][] PROGRAMME = {
            {"Hamlet", "Toneel"}, {"De Notenkraker", "Dans"}, {"Najib Amhali", "Cabaret"}, {"Brabants Orkest: Mahler 5", "Muziek"},
            {"Jeugdvoorstelling Kikker", "Jeugd"}, {"Herman Finkers", "Cabaret"}, {"Scapino: Bolero", "Dans"},
            {"Jazz in de foyer", "Muziek"}, {"Het Zuidelijk Toneel: De Storm", "Toneel"}, {"Musical Annie", "Musical"}};

    @Inject
    Institutions institutions;

    @Inject
    Deliveries deliveries;

    @Inject
    Reports reports;

    @Inject
    Workflow workflow;

    @Inject
    PostcodeDirectory directory;

    public void load() {
        Institution dommel = institutions.findByName("Theater aan de Dommel").orElseThrow();
        institutions.addVenue(new Venue(dommel.getId(), "Grote zaal", "Dommelstraat 2", "5611CK", "Eindhoven", "GM0772"));
        startPendingReports(dommel);
        AudienceReport v1 = latest(dommel);
        publish(v1);

        Random random = new Random(2026);
        Audience audience = new Audience(directory, Pc4Centroids.load(), "5611", random);
        accept(upload(dommel, "dommel-seizoen-2024-2025.csv", audience.csv(1, 1800, LocalDate.of(2024, 9, 1), 300)));
        startPendingReports(dommel);
        publish(latest(dommel));

        accept(upload(dommel, "dommel-najaar-2025.csv", audience.csv(20001, 1100, LocalDate.of(2025, 9, 1), 120)));
        startPendingReports(dommel);
        AudienceReport v3 = latest(dommel);
        String review = workflow.openTask(v3.getProcessInstanceId(), "reviewReport").orElseThrow().id();
        reports.approveForDirector(v3.getId(), review, "Het najaar trekt meer jongeren uit Eindhoven zelf.", COORDINATOR);

        Institution spiegel = institutions.findByName(AgreementDemo.SPIEGEL).orElseThrow();
        startPendingReports(spiegel);
        LOG.info("Demo reports loaded");
    }

    /** Runs the "start audience report" jobs of accepted deliveries and the computation of the report they start. */
    private void startPendingReports(Institution institution) {
        for (Delivery d : deliveries.search(new Deliveries.Filter(institution.getId(), DeliveryStatus.VALIDATED), 0, 100,
                "uploadedAt", true)) {
            if (d.getProcessInstanceId() != null && workflow.isRunning(Deliveries.PROCESS, "delivery-" + d.getId())) {
                workflow.runDueJobs(d.getProcessInstanceId());
            }
        }
        AudienceReport report = latest(institution);
        if (report.getStatus() == ReportStatus.DRAFT) {
            workflow.runDueJobs(report.getProcessInstanceId());
        }
    }

    private AudienceReport latest(Institution institution) {
        return reports.versions(institution.getId()).stream().filter(r -> r.getStatus() != ReportStatus.SUPERSEDED)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no report of " + institution.getName()));
    }

    private void publish(AudienceReport report) {
        String review = workflow.openTask(report.getProcessInstanceId(), "reviewReport").orElseThrow().id();
        reports.approveForDirector(report.getId(), review, null, COORDINATOR);
        String approve = workflow.openTask(report.getProcessInstanceId(), "approveReport").orElseThrow().id();
        reports.approve(report.getId(), approve, DIRECTOR);
    }

    private Delivery upload(Institution institution, String name, String csv) {
        Deliveries.Upload upload = deliveries.receive(institution.getId(),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), name, Optional.empty());
        Delivery delivery = deliveries.importUpload(institution.getId(), upload, upload.preview().proposal().mapping(),
                false, null, MEMBER);
        workflow.runDueJobs(delivery.getProcessInstanceId());
        return delivery;
    }

    private void accept(Delivery delivery) {
        // validation may flag a few lines (as in real exports): the member accepts the rows that passed
        workflow.openTask(delivery.getProcessInstanceId(), "resolveValidationProblems")
                .ifPresent(task -> deliveries.acceptPassingRows(delivery.getId(), task.id(), MEMBER));
        workflow.openTask(delivery.getProcessInstanceId(), "reviewDelivery")
                .ifPresent(task -> deliveries.accept(delivery.getId(), task.id(), COORDINATOR));
    }

    /** Customers drawn from the Brabant PC4s, weighted by population × exp(−distance / 8 km) from the venue. */
    static final class Audience {
        private final List<String> pc4s = new ArrayList<>();
        private final List<Double> cumulative = new ArrayList<>();
        private final Random random;

        Audience(PostcodeDirectory directory, Pc4Centroids centroids, String venuePc4, Random random) {
            this.random = random;
            var venue = centroids.of(venuePc4).orElseThrow();
            double sum = 0;
            for (int p = 4000; p < 6200; p++) {
                String pc4 = String.valueOf(p);
                var point = centroids.of(pc4);
                var population = directory.populationOfPc4(pc4);
                if (!directory.isBrabantPc4(pc4) || point.isEmpty() || population.isEmpty() || population.getAsInt() == 0) {
                    continue;
                }
                double km = distanceKm(venue, point.get());
                sum += population.getAsInt() * Math.exp(-km / 8);
                pc4s.add(pc4);
                cumulative.add(sum);
            }
        }

        private static double distanceKm(Pc4Centroids.Point a, Pc4Centroids.Point b) {
            double dLat = Math.toRadians(b.latitude() - a.latitude());
            double dLon = Math.toRadians(b.longitude() - a.longitude()) * Math.cos(Math.toRadians(a.latitude()));
            return 6371 * Math.sqrt(dLat * dLat + dLon * dLon);
        }

        private String pc4() {
            double x = random.nextDouble() * cumulative.get(cumulative.size() - 1);
            int lo = 0;
            int hi = cumulative.size() - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative.get(mid) < x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return pc4s.get(lo);
        }

        /** An export like DeliveryDemo's: customers with 1–4 orders over a season; returning customers keep their number. */
        String csv(int firstCustomer, int customers, LocalDate seasonStart, int returning) {
            StringBuilder csv = new StringBuilder(DeliveryDemo.HEADER);
            int order = firstCustomer * 10;
            for (int c = 0; c < customers; c++) {
                int customer = c < returning ? 1 + random.nextInt(1800) : firstCustomer + c;
                String postcode = pc4() + " " + (char) ('A' + random.nextInt(20)) + (char) ('A' + random.nextInt(20));
                int visits = 1 + (random.nextDouble() < 0.35 ? 1 + random.nextInt(3) : 0);
                for (int v = 0; v < visits; v++) {
                    String[] show = PROGRAMME[random.nextInt(PROGRAMME.length)];
                    LocalDate day = seasonStart.plusDays(random.nextInt(270));
                    csv.append("D").append(order++).append(";K").append(customer).append(";Naam;naam@example.nl;")
                            .append(DMY.format(day.minusDays(10 + random.nextInt(40)))).append(';').append(show[0]).append(';')
                            .append(DMY.format(day)).append(";Grote zaal;").append(show[1]).append(";Regulier;€ ")
                            .append(18 + random.nextInt(25)).append(",50;").append(1 + random.nextInt(3)).append(";Online;")
                            .append(postcode).append(";Nederland\r\n");
                }
            }
            return csv.toString();
        }
    }
}
