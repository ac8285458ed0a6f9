package nl.kunstloc.publieksdata.report.control;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.segmentation.control.AudienceFigureCalculator;
import nl.kunstloc.publieksdata.segmentation.control.DefaultModel;
import nl.kunstloc.publieksdata.segmentation.control.Pc4Centroids;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.VenueRef;

/**
 * Figures of a theatre in Eindhoven (PC4 5611) computed by the real calculator and the open default model
 * over generated rows: many customers in the venue's own PC4s, fewer further away, and one far-away PC4
 * with 3 customers (a cell that must be withheld).
 */
final class SampleFigures {

    static final String VENUE_PC4 = "5611";
    static final String[] NEAR = {"5611", "5612", "5613", "5615", "5616", "5621", "5622", "5623", "5641", "5642"};
    static final String[] FAR = {"5211", "4811", "5038", "5401"};
    static final String SMALL = "4701";

    private static AudienceFigures cached;

    static synchronized AudienceFigures figures() {
        if (cached == null) {
            PostcodeDirectory directory = PostcodeDirectory.load();
            Pc4Centroids centroids = Pc4Centroids.load();
            var venue = centroids.of(VENUE_PC4).orElseThrow();
            var calc = new AudienceFigureCalculator(DefaultModel.build(directory, 1), directory, centroids,
                    List.of(new VenueRef("Muziekgebouw", VENUE_PC4, "GM0772", "Eindhoven", venue.latitude(), venue.longitude())));
            var acc = calc.start(42, List.of(1L, 2L));
            Random random = new Random(7);
            int order = 0;
            int customer = 0;
            for (String pc4 : NEAR) {
                order = customers(acc, pc4, 60, customer, order, random);
                customer += 60;
            }
            for (String pc4 : FAR) {
                order = customers(acc, pc4, 15, customer, order, random);
                customer += 15;
            }
            customers(acc, SMALL, 3, customer, order, random);
            cached = acc.finish(Instant.parse("2026-06-30T12:00:00Z"));
        }
        return cached;
    }

    private static int customers(AudienceFigureCalculator.Accumulation acc, String pc4, int count, int firstCustomer,
                                 int order, Random random) {
        String[] events = {"Hamlet", "De Notenkraker", "Cabaret Najib", "Jazz in de foyer"};
        String[] genres = {"toneel", "dans", "cabaret", "muziek"};
        for (int c = 0; c < count; c++) {
            int visits = 1 + random.nextInt(3);
            for (int v = 0; v < visits; v++) {
                int e = random.nextInt(events.length);
                int day = (int) LocalDate.of(2025, 9, 1).plusDays(random.nextInt(270)).toEpochDay();
                long delivery = day < LocalDate.of(2026, 1, 1).toEpochDay() ? 1 : 2;
                acc.add(delivery, "O" + order++, "c" + (firstCustomer + c), day - 20, "E" + e, events[e], day, genres[e],
                        1 + random.nextInt(2), pc4);
            }
        }
        return order;
    }

    private SampleFigures() {
    }
}
