package nl.kunstloc.publieksdata.segmentation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.segmentation.control.Pc4Centroids.Point;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.AreaFigure;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.CatchmentLevel;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.GroupFigure;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.ModelRef;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.Reference;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.SegmentFigure;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.Unit;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.VenueRef;
import nl.kunstloc.publieksdata.segmentation.entity.ModelData;
import nl.kunstloc.publieksdata.segmentation.entity.ModelKind;
import nl.kunstloc.publieksdata.segmentation.entity.SegmentDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A dataset small enough to compute by hand. The model has two segments, A and B, and three PC4s:
 * <pre>
 *   PC4   municipality  A     B     total  share A  distance from the venue
 *   5611  Eindhoven     600   400   1000   0.60     0 km (the venue is at its centre)
 *   5612  Eindhoven     200   800   1000   0.20     0.09° north ≈ 10.0 km
 *   5501  Veldhoven     1500  500   2000   0.75     0.18° north ≈ 20.0 km
 * </pre>
 * Deliveries 1 (older) and 2. Rows (delivery, order, customer, date, event, tickets, PC4):
 * <pre>
 *   1 O1 c1 2025-01-05 E1 1 5611     (O1 has two rows: two price types)
 *   1 O1 c1 2025-01-05 E1 1 5611
 *   2 O2 c1 2025-05-02 E2 1 5611
 *   1 O3 c2 2025-01-06 E1 3 5611
 *   1 O4 c3 2025-01-10 -  1 5501     c3 moved: the later order counts, so c3 lives in 5612
 *   2 O5 c3 2025-06-01 -  1 5612
 *   2 O6 c4 2025-05-03 E2 4 5612
 *   2 O7 c5 2025-05-04 -  1 3511     Utrecht: not in the model, so not placed
 *   1 O8 c6 2025-01-07 -  2 (none)   a foreign customer
 * </pre>
 */
class AudienceFigureCalculatorTest {

    static final Point VENUE = new Point(51.44, 5.47);
    static PostcodeDirectory directory;

    @BeforeAll
    static void directory() {
        directory = PostcodeDirectory.load();
    }

    static ModelData model() {
        return new ModelData(new ModelRef(5, "test", "Test", 1, ModelKind.PEOPLE, List.of(), "test"),
                List.of(new SegmentDefinition("A", "A", "A", "", "#000000", 1),
                        new SegmentDefinition("B", "B", "B", "", "#ffffff", 2)),
                Map.of("5611", new double[] {600, 400}, "5612", new double[] {200, 800}, "5501", new double[] {1500, 500}));
    }

    static AudienceFigureCalculator calculator() {
        Pc4Centroids centroids = Pc4Centroids.of(Map.of(
                "5611", VENUE,
                "5612", new Point(51.53, 5.47),
                "5501", new Point(51.62, 5.47)));
        return new AudienceFigureCalculator(model(), directory, centroids,
                List.of(new VenueRef("Theater", "5611", "GM0772", "Eindhoven", VENUE.latitude(), VENUE.longitude())));
    }

    static int day(String iso) {
        return (int) LocalDate.parse(iso).toEpochDay();
    }

    static void rows(AudienceFigureCalculator.Accumulation a, boolean c6HasId) {
        int none = AudienceFigureCalculator.NO_DAY;
        a.add(1, "O1", "c1", day("2025-01-05"), "E1", "Hamlet", day("2025-03-01"), "Toneel", 1, "5611");
        a.add(1, "O1", "c1", day("2025-01-05"), "E1", "Hamlet", day("2025-03-01"), "Toneel", 1, "5611");
        a.add(2, "O2", "c1", day("2025-05-02"), "E2", "Carmen", day("2025-09-01"), "Opera", 1, "5611");
        a.add(1, "O3", "c2", day("2025-01-06"), "E1", "Hamlet", day("2025-03-01"), "Toneel", 3, "5611");
        a.add(1, "O4", "c3", day("2025-01-10"), null, null, none, null, 1, "5501");
        a.add(2, "O5", "c3", day("2025-06-01"), null, null, none, null, 1, "5612");
        a.add(2, "O6", "c4", day("2025-05-03"), "E2", "Carmen", day("2025-09-01"), "Opera", 4, "5612");
        a.add(2, "O7", "c5", day("2025-05-04"), null, null, none, null, 1, "3511");
        a.add(1, "O8", c6HasId ? "c6" : null, day("2025-01-07"), null, null, none, null, 2, null);
    }

    static AudienceFigures compute(boolean c6HasId) {
        AudienceFigureCalculator.Accumulation a = calculator().start(42, List.of(1L, 2L));
        rows(a, c6HasId);
        return a.finish(Instant.parse("2026-12-02T08:00:00Z"));
    }

    @Test
    void basisCountsRowsCustomersAndWhatCouldBePlaced() {
        AudienceFigures f = compute(true);

        assertThat(f.basis().unit()).isEqualTo(Unit.CUSTOMERS);
        assertThat(f.basis().rowsAccepted()).isEqualTo(9);
        assertThat(f.basis().rowsPlaced()).isEqualTo(7);                 // all but O7 (3511) and O8 (none)
        assertThat(f.basis().matchRate()).isEqualTo(7.0 / 9);
        assertThat(f.basis().people()).isEqualTo(6);                     // c1..c6
        assertThat(f.basis().peoplePlaced()).isEqualTo(4);               // c1, c2 (5611), c3, c4 (5612)
        assertThat(f.basis().tickets()).isEqualTo(1 + 1 + 1 + 3 + 1 + 1 + 4 + 1 + 2);
        assertThat(f.basis().ticketsPlaced()).isEqualTo(1 + 1 + 1 + 3 + 1 + 1 + 4);
        assertThat(f.basis().firstOrder()).isEqualTo("2025-01-05");
        assertThat(f.basis().lastOrder()).isEqualTo("2025-06-01");
        assertThat(f.basis().firstEvent()).isEqualTo("2025-03-01");
        assertThat(f.basis().lastEvent()).isEqualTo("2025-09-01");
        assertThat(f.basis().deliveryIds()).containsExactly(1L, 2L);
    }

    @Test
    void refundsAndZeroTicketLinesAreLeftOutOfTheFigures() {
        AudienceFigureCalculator.Accumulation a = calculator().start(42, List.of(1L, 2L));
        rows(a, true);
        // a refund of c7 (5611) and a free line of c8 (5612): accepted data, but no visitors (issue 12)
        a.add(2, "R1", "c7", day("2025-05-05"), "E2", "Carmen", day("2025-09-01"), "Opera", -2, "5611");
        a.add(2, "Z1", "c8", day("2025-05-05"), "E2", "Carmen", day("2025-09-01"), "Opera", 0, "5612");
        AudienceFigures f = a.finish(Instant.parse("2026-12-02T08:00:00Z"));
        AudienceFigures without = compute(true);

        assertThat(f.basis().people()).isEqualTo(without.basis().people());
        assertThat(f.basis().tickets()).isEqualTo(without.basis().tickets());
        assertThat(f.basis().rowsAccepted()).isEqualTo(without.basis().rowsAccepted());
    }

    @Test
    void customersAreSpreadOverSegmentsByTheSharesOfTheirPostcode() {
        AudienceFigures f = compute(true);
        SegmentFigure a = f.segment("A").orElseThrow();
        SegmentFigure b = f.segment("B").orElseThrow();

        assertThat(a.people()).isCloseTo(2 * 0.6 + 2 * 0.2, within(1e-9));        // 5611: c1, c2; 5612: c3, c4
        assertThat(b.people()).isCloseTo(2 * 0.4 + 2 * 0.8, within(1e-9));
        assertThat(a.tickets()).isCloseTo(6 * 0.6 + 5 * 0.2 + 1 * 0.75, within(1e-9)); // tickets per row's own PC4
        assertThat(a.populationProvince()).isEqualTo(600 + 200 + 1500);
        assertThat(a.populationMunicipality()).isEqualTo(600 + 200);            // Eindhoven
        assertThat(a.populationCatchment()).isEqualTo(600 + 200);               // 90 %: 5611 and 5612
        // share of A = 1.6 / 4 = 0.4; in the province A is 2300 / 4000 = 0.575
        assertThat(f.index(a, Reference.PROVINCE)).isCloseTo(100 * 0.4 / 0.575, within(1e-9));
        // in Eindhoven A is 800 / 2000 = 0.4: exactly as expected
        assertThat(f.index(a, Reference.MUNICIPALITY)).isCloseTo(100, within(1e-9));
    }

    @Test
    void postcodesAndMunicipalitiesCarryPeopleTicketsAndPenetration() {
        AudienceFigures f = compute(true);

        assertThat(f.postcodes()).extracting(AreaFigure::code, AreaFigure::people, AreaFigure::tickets)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("5611", 2L, 6L),
                        org.assertj.core.groups.Tuple.tuple("5612", 2L, 5L),
                        org.assertj.core.groups.Tuple.tuple("5501", 0L, 1L)); // c3's old order: tickets, no customer
        AreaFigure pc5611 = f.postcodes().get(0);
        assertThat(pc5611.penetration()).isEqualTo(1000.0 * 2 / 1000);
        assertThat(pc5611.segmentPeople().get("A")).isCloseTo(1.2, within(1e-9));
        assertThat(pc5611.distanceKm()).isEqualTo(0.0);
        assertThat(f.postcodes().get(1).distanceKm()).isCloseTo(10.0, within(0.05));

        AreaFigure eindhoven = f.municipalities().get(0);
        assertThat(eindhoven.code()).isEqualTo("GM0772");
        assertThat(eindhoven.people()).isEqualTo(4);
        assertThat(eindhoven.tickets()).isEqualTo(11);
        assertThat(eindhoven.population()).isEqualTo(2000);
        assertThat(eindhoven.penetration()).isEqualTo(2.0);                 // 4 per 2,000 = 2 per 1,000
        assertThat(f.municipalities().get(1).code()).isEqualTo("GM0861"); // Veldhoven: 1 ticket, no customer
        assertThat(f.municipalities().get(1).people()).isZero();
    }

    @Test
    void catchmentTakesTheNearestAreasUntilTheShareIsReached() {
        AudienceFigures f = compute(true);

        CatchmentLevel half = f.catchment().level(50).orElseThrow();
        assertThat(half.pc4s()).containsExactly("5611");          // 2 of 4 placed = 50 %
        assertThat(half.radiusKm()).isZero();
        CatchmentLevel most = f.catchment().level(90).orElseThrow();
        assertThat(most.pc4s()).containsExactly("5611", "5612");   // 2 is 50 % < 90 %, 4 is 100 %
        assertThat(most.people()).isEqualTo(4);
        assertThat(most.population()).isEqualTo(2000);
        assertThat(most.radiusKm()).isCloseTo(10.0, within(0.05));
        assertThat(f.catchment().level(75).orElseThrow().pc4s()).containsExactly("5611", "5612");
        // 0–5 km: c1, c2; 10–20 km: c3, c4 (5612 is 10.007 km away)
        assertThat(f.catchment().distanceBands()).extracting(AudienceFigures.DistanceBand::people)
                .containsExactly(2L, 0L, 2L, 0L, 0L, 0L);
        assertThat(f.catchment().medianDistanceKm()).isZero();
    }

    @Test
    void frequencyCountsOrdersAsVisitsAndNewCustomersOfTheLatestDelivery() {
        AudienceFigures.Frequency q = compute(true).frequency();

        assertThat(q.customers()).isEqualTo(6);
        assertThat(q.visits()).isEqualTo(2 + 1 + 2 + 1 + 1 + 1);  // c1: O1, O2; c3: O4, O5
        assertThat(q.oneVisit()).isEqualTo(4);
        assertThat(q.repeatVisits()).isEqualTo(2);
        assertThat(q.visitsPerCustomer()).isEqualTo(8.0 / 6);
        assertThat(q.latestDeliveryId()).isEqualTo(2L);
        assertThat(q.newInLatest()).isEqualTo(2);                 // c4, c5 are only in delivery 2
        assertThat(q.returningInLatest()).isEqualTo(2);           // c1, c3 were in delivery 1 too
    }

    @Test
    void eventsWithFewerThanTenPeopleAreGroupedAsOther() {
        AudienceFigures f = compute(true);

        // E1: c1, c2; E2: c1, c4: both under 10, so one "other" entry of 3 distinct customers
        assertThat(f.events()).hasSize(1);
        GroupFigure other = f.events().get(0);
        assertThat(other.other()).isTrue();
        assertThat(other.grouped()).isEqualTo(2);
        assertThat(other.people()).isEqualTo(3);
        assertThat(other.tickets()).isEqualTo(1 + 1 + 3 + 1 + 4);
        assertThat(other.segmentPeople().get("A")).isCloseTo(0.6 + 0.6 + 0.2, within(1e-9)); // c1, c2 in 5611; c4 in 5612
    }

    @Test
    void anEventWithTenCustomersIsShownOnItsOwn() {
        AudienceFigureCalculator.Accumulation a = calculator().start(42, List.of(1L));
        for (int i = 0; i < 10; i++) {
            a.add(1, "B" + i, "big" + i, day("2025-02-01"), "E9", "Nachtwacht", day("2025-04-04"), "Dans", 2, "5612");
        }
        a.add(1, "S1", "small1", day("2025-02-01"), "E8", "Solo", day("2025-04-05"), "Dans", 1, "5611");
        AudienceFigures f = a.finish(Instant.now());

        assertThat(f.events()).extracting(GroupFigure::label, GroupFigure::people, GroupFigure::tickets, GroupFigure::other)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Nachtwacht (2025-04-04)", 10L, 20L, false),
                        org.assertj.core.groups.Tuple.tuple("other", 1L, 1L, true));
        assertThat(f.events().get(0).segmentPeople().get("B")).isCloseTo(10 * 0.8, within(1e-9));
        assertThat(f.genres()).extracting(GroupFigure::key, GroupFigure::people).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Dans", 11L));
        assertThat(f.frequency().latestDeliveryId()).isNull();          // one delivery: no new vs returning
    }

    @Test
    void withoutCustomerIdsEveryFigureCountsVisits() {
        AudienceFigures f = compute(false);

        assertThat(f.basis().unit()).isEqualTo(Unit.VISITS);
        assertThat(f.frequency()).isNull();
        assertThat(f.basis().people()).isEqualTo(15);        // all tickets
        assertThat(f.basis().peoplePlaced()).isEqualTo(12);  // tickets in 5611, 5612, 5501
        assertThat(f.postcodes()).extracting(AreaFigure::code, AreaFigure::people).containsExactly(
                org.assertj.core.groups.Tuple.tuple("5611", 6L), org.assertj.core.groups.Tuple.tuple("5612", 5L),
                org.assertj.core.groups.Tuple.tuple("5501", 1L));
        assertThat(f.segment("A").orElseThrow().people()).isCloseTo(6 * 0.6 + 5 * 0.2 + 1 * 0.75, within(1e-9));
        // catchment: 6 of 12 at 0 km = 50 %; 11 of 12 within 10 km = 91.7 % ≥ 90 %
        assertThat(f.catchment().level(90).orElseThrow().pc4s()).containsExactly("5611", "5612");
    }

    @Test
    void potentialComparesEachPlaceWithTheAveragePenetrationOfTheCatchment() {
        AudienceFigures f = compute(true);

        // catchment 90 %: 5611 + 5612, 2,000 inhabitants, 4 customers: 2 per 1,000
        assertThat(f.potential().averagePenetration()).isEqualTo(2.0);
        AudienceFigures.PotentialFigure a = f.potential().segments().stream().filter(p -> p.code().equals("A")).findFirst().orElseThrow();
        assertThat(a.population()).isEqualTo(800);
        assertThat(a.expected()).isCloseTo(800 * 2.0 / 1000, within(1e-9));
        assertThat(a.reached()).isCloseTo(1.6, within(1e-9));
        assertThat(a.untappedLow()).isLessThan(a.untapped());
        assertThat(a.untappedHigh()).isGreaterThan(a.untapped());
        assertThat(a.smallCount()).isTrue();
    }

    @Test
    void poissonIntervalMatchesTheExactOneForTenSeen() {
        // exact (Garwood) 95 % interval for 10 events: 4.795 .. 18.390
        assertThat(AudienceFigureCalculator.poissonLow(10)).isCloseTo(4.795, within(0.02));
        assertThat(AudienceFigureCalculator.poissonHigh(10)).isCloseTo(18.390, within(0.02));
    }

    @Test
    void aRowOfADeliveryOutsideTheReportIsRefused() {
        AudienceFigureCalculator.Accumulation a = calculator().start(42, List.of(1L));
        assertThatThrownBy(() -> a.add(7, "O", "c", 0, null, null, AudienceFigureCalculator.NO_DAY, null, 1, "5611"))
                .hasMessageContaining("delivery 7");
    }
}
