package nl.kunstloc.publieksdata.segmentation.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.segmentation.control.Pc4Centroids;

/**
 * Validated delivery rows (as in {@code delivery_row}) of a theatre in Eindhoven whose audience looks
 * like a real one: a customer's PC4 is drawn with a weight of its CBS population × e^(−distance / 12 km)
 * from the venue, so customers crowd around the venue and thin out with distance; ~4 % live outside
 * Noord-Brabant (a non-Brabant PC4) and ~2 % abroad (no PC4). Customers come 1–8 times (most once), an
 * order has 1–3 rows (price types), events run over a season with 8 genres, and the rows are split over
 * two deliveries (the older half of the season first). Seeded: the same seed gives the same rows.
 * The row-level sibling of {@code delivery.bench.ExportGenerator}, which writes raw export files.
 */
public final class AudienceRowGenerator {

    public static final String VENUE_PC4 = "5611";
    static final String[] GENRES = {"Toneel", "Cabaret", "Muziektheater", "Dans", "Klassiek", "Pop", "Jeugd", "Opera"};
    static final String[] OUTSIDE = {"3511", "6211", "1012", "4331", "6511", "2511"};

    /** One row. {@code eventDay} / {@code orderDay} are epoch days. */
    public record Row(long deliveryId, String orderId, String customer, int orderDay, String eventId, String eventName,
            int eventDay, String genre, int tickets, String pc4) {
    }

    private final Random random;
    private final String[] pc4s;
    private final double[] cumulative;

    public AudienceRowGenerator(long seed, PostcodeDirectory directory, Pc4Centroids centroids) {
        random = new Random(seed);
        Pc4Centroids.Point venue = centroids.of(VENUE_PC4).orElseThrow();
        List<String> codes = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int p = 4000; p < 6000; p++) {
            String pc4 = String.format("%04d", p);
            var centre = centroids.of(pc4);
            var population = directory.populationOfPc4(pc4);
            if (centre.isPresent() && population.isPresent()) {
                codes.add(pc4);
                weights.add(population.getAsInt() * Math.exp(-Pc4Centroids.distanceKm(venue, centre.get()) / 12));
            }
        }
        pc4s = codes.toArray(String[]::new);
        cumulative = new double[pc4s.length];
        double sum = 0;
        for (int i = 0; i < pc4s.length; i++) {
            sum += weights.get(i);
            cumulative[i] = sum;
        }
    }

    private String pc4() {
        double u = random.nextDouble();
        if (u < 0.02) {
            return null;
        }
        if (u < 0.06) {
            return OUTSIDE[random.nextInt(OUTSIDE.length)];
        }
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = java.util.Arrays.binarySearch(cumulative, x);
        return pc4s[i >= 0 ? i : -i - 1];
    }

    /** About {@code rows} rows over deliveries {@code first} (older) and {@code first + 1}. */
    public List<Row> rows(int rows, long first) {
        List<Row> result = new ArrayList<>(rows + 10);
        int season = (int) LocalDate.of(2025, 9, 1).toEpochDay();
        int events = Math.max(20, rows / 700);
        int customer = 0;
        int order = 0;
        while (result.size() < rows) {
            String id = "p" + Long.toHexString(Double.doubleToLongBits(random.nextDouble())) + customer++;
            String home = pc4();
            int visits = random.nextDouble() < 0.6 ? 1 : 2 + random.nextInt(random.nextDouble() < 0.8 ? 2 : 7);
            for (int v = 0; v < visits && result.size() < rows; v++) {
                int event = (int) Math.floor(Math.pow(random.nextDouble(), 1.6) * events); // a few big shows, many small
                int eventDay = season + event * 300 / events;
                int orderDay = eventDay - 1 - random.nextInt(60);
                long delivery = eventDay < season + 150 ? first : first + 1;
                String pc4 = random.nextDouble() < 0.03 && home != null ? pc4() : home; // moved, or typed another address
                String orderId = "O" + order++;
                int lines = 1 + (random.nextDouble() < 0.25 ? 1 + random.nextInt(2) : 0);
                for (int l = 0; l < lines; l++) {
                    result.add(new Row(delivery, orderId, id, orderDay, "E" + event, "Voorstelling " + event, eventDay,
                            GENRES[event % GENRES.length], 1 + (random.nextDouble() < 0.5 ? 1 : random.nextInt(4)), pc4));
                }
            }
        }
        return result;
    }
}
