package nl.kunstloc.publieksdata.segmentation.control;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.reference.entity.Municipality;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.AreaFigure;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.Basis;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.Catchment;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.CatchmentLevel;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.DistanceBand;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.Frequency;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.GroupFigure;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.Potential;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.PotentialFigure;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.SegmentFigure;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.Unit;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.VenueRef;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.VisitBand;
import nl.kunstloc.publieksdata.segmentation.entity.ModelData;
import nl.kunstloc.publieksdata.segmentation.entity.SegmentDefinition;

/**
 * Computes {@link AudienceFigures} from validated rows in one pass: {@link #start} an
 * {@link Accumulation}, {@link Accumulation#add add} every row (any order), then
 * {@link Accumulation#finish finish}. The rules (also in docs/segmentation.md):
 * <ul>
 *   <li>A customer lives in the PC4 of their latest order that has a PC4 (ties: the highest PC4);
 *       a customer is <em>placed</em> when the model covers that PC4.</li>
 *   <li>A placed customer counts for every segment with the segment's share of the PC4
 *       (area-level segmentation: an estimate, hence fractional people per segment).</li>
 *   <li>A visit is a distinct order of a customer (a row without an order id is a visit by itself).</li>
 *   <li>When any row lacks a customer id, every "people" figure counts visits (= tickets) instead, and
 *       there are no frequency figures.</li>
 *   <li>Tickets per area and segment are counted per row (the row's own PC4).</li>
 *   <li>An event is its event id, or its name and date when the rows have no id; a genre its name.
 *       Events and genres with fewer than {@value AudienceFigures#SMALL_GROUP} people are grouped as "other".</li>
 *   <li>Catchment: the area within r km of the nearest venue, r the smallest distance at which PC4s
 *       hold 50 / 75 / 90 % of the placed people (PC4s without customers inside r belong to it too).</li>
 *   <li>Untapped potential: within the 90 % catchment, population × the institution's own average
 *       penetration there − people reached; 95 % interval from a Poisson interval on the people reached.</li>
 * </ul>
 * Thread-safe to share; an {@link Accumulation} is for one thread.
 */
public final class AudienceFigureCalculator {

    /** An empty date (no event date). */
    public static final int NO_DAY = Integer.MIN_VALUE;
    /** No order id or no customer (see {@link Accumulation#add(long, long, long, int, String, String, int, String, int, String)}). */
    public static final long NO_KEY = Long.MIN_VALUE;
    static final int[] LEVELS = {50, 75, 90};
    static final double[] DISTANCE_BANDS = {0, 5, 10, 20, 30, 50};
    static final int[] VISIT_BANDS = {1, 2, 3, 6, 11};

    private final ModelData model;
    private final List<VenueRef> venues;
    private final int segmentCount;
    /** index: PC4 as a number 0..9999 */
    private final double[][] shares = new double[10000][];
    private final double[][] counts = new double[10000][];
    private final double[] population = new double[10000];
    private final double[] distance = new double[10000]; // NaN: unknown
    private final int[] municipalityOf = new int[10000];  // -1: none
    private final List<Municipality> municipalities = new ArrayList<>();
    private final double[] municipalityDistance;
    private final int venueMunicipality;
    private final int[] coveredPc4s;

    public AudienceFigureCalculator(ModelData model, PostcodeDirectory directory, Pc4Centroids centroids, List<VenueRef> venues) {
        this.model = model;
        this.venues = List.copyOf(venues);
        this.segmentCount = model.segments().size();
        java.util.Arrays.fill(distance, Double.NaN);
        java.util.Arrays.fill(municipalityOf, -1);
        Map<String, Integer> municipalityIndex = new HashMap<>();
        List<Pc4Centroids.Point> venuePoints = this.venues.stream()
                .filter(v -> v.latitude() != null && v.longitude() != null)
                .map(v -> new Pc4Centroids.Point(v.latitude(), v.longitude())).toList();
        List<double[]> municipalityCentre = new ArrayList<>(); // population, Σ pop·lat, Σ pop·lon
        List<Integer> covered = new ArrayList<>();
        for (String pc4 : model.pc4s()) {
            int p = index(pc4);
            if (p < 0) {
                continue;
            }
            covered.add(p);
            counts[p] = model.counts(pc4);
            shares[p] = model.shares(pc4);
            population[p] = model.population(pc4);
            Optional<Pc4Centroids.Point> centre = centroids.of(pc4);
            if (centre.isPresent() && !venuePoints.isEmpty()) {
                distance[p] = venuePoints.stream().mapToDouble(v -> Pc4Centroids.distanceKm(v, centre.get())).min().orElseThrow();
            }
            Optional<Municipality> m = directory.municipalityOfPc4(pc4);
            if (m.isPresent()) {
                int mi = municipalityIndex.computeIfAbsent(m.get().code(), code -> {
                    municipalities.add(m.get());
                    municipalityCentre.add(new double[3]);
                    return municipalities.size() - 1;
                });
                municipalityOf[p] = mi;
                if (centre.isPresent()) {
                    double[] c = municipalityCentre.get(mi);
                    c[0] += population[p];
                    c[1] += population[p] * centre.get().latitude();
                    c[2] += population[p] * centre.get().longitude();
                }
            }
        }
        coveredPc4s = covered.stream().mapToInt(Integer::intValue).sorted().toArray();
        municipalityDistance = new double[municipalities.size()];
        for (int mi = 0; mi < municipalities.size(); mi++) {
            double[] c = municipalityCentre.get(mi);
            Pc4Centroids.Point centre = c[0] > 0 ? new Pc4Centroids.Point(c[1] / c[0], c[2] / c[0]) : null;
            municipalityDistance[mi] = centre == null || venuePoints.isEmpty() ? Double.NaN
                    : venuePoints.stream().mapToDouble(v -> Pc4Centroids.distanceKm(v, centre)).min().orElseThrow();
        }
        venueMunicipality = this.venues.isEmpty() || this.venues.get(0).municipalityCode() == null ? -1
                : municipalityIndex.getOrDefault(this.venues.get(0).municipalityCode(), -1);
    }

    /**
     * The 64-bit key of an order id or a customer's pseudonym (FNV-1a over its characters, then mixed), or
     * {@link #NO_KEY} for none. Keys are compared only with keys of the same computation.
     */
    public static long key(String text) {
        if (text == null) {
            return NO_KEY;
        }
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return realKey(h ^ (h >>> 29));
    }

    /**
     * The key of a text given as its UTF-8 bytes (FNV-1a over the bytes, then mixed as {@link #key(String)}):
     * the same key as {@link #key(String)} for ASCII text; for other text a different but equally good one. A
     * computation takes all its keys from one reader, so the two never meet.
     */
    static long key(byte[] utf8, int offset, int length) {
        long h = 0xcbf29ce484222325L;
        for (int i = offset, end = offset + length; i < end; i++) {
            h ^= utf8[i] & 0xff;
            h *= 0x100000001b3L;
        }
        return realKey(h ^ (h >>> 29));
    }

    /** A key as it is, unless it happens to be {@link #NO_KEY}, which a real key may not be. */
    static long realKey(long key) {
        return key == NO_KEY ? NO_KEY + 1 : key;
    }

    /** The PC4 as an array index, -1 when it is not four digits. */
    static int index(String pc4) {
        if (pc4 == null || pc4.length() != 4) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            char ch = pc4.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    static String pc4(int index) {
        return String.format("%04d", index);
    }

    public Accumulation start(long institutionId, List<Long> deliveryIds) {
        return new Accumulation(institutionId, deliveryIds);
    }

    /** The rows of one computation. */
    public final class Accumulation {

        private final long institutionId;
        private final List<Long> deliveryIds;
        private final long[] deliveryIdArray;

        private long rows;
        private long rowsPlaced;
        private long tickets;
        private long ticketsPlaced;
        private int firstOrder = Integer.MAX_VALUE;
        private int lastOrder = Integer.MIN_VALUE;
        private int firstEvent = Integer.MAX_VALUE;
        private int lastEvent = Integer.MIN_VALUE;
        private boolean rowWithoutCustomer;
        private final long[] rowTickets = new long[10000];

        private final LongIndex customers = new LongIndex(1 << 16);
        private int[] cPc4 = new int[1 << 12];
        private int[] cPc4Day = new int[1 << 12];
        private int[] cVisits = new int[1 << 12];
        private long[] cDeliveries = new long[1 << 12];
        private final LongIndex orders = new LongIndex(1 << 16);
        /**
         * The (customer, order) pairs seen: nearly every order has one customer, so the first customer of each
         * order is kept by order number (an array, no hashing), and only the pairs of an order's other customers
         * go into a set.
         */
        private int[] orderCustomer = new int[1 << 12];
        /** The previous row's customer and order keys and their numbers ({@link #NO_KEY} before the first). */
        private long previousCustomer = NO_KEY;
        private int previousCustomerIndex;
        private long previousOrder = NO_KEY;
        private int previousOrderIndex;
        private final LongHashSet otherCustomerOrders = new LongHashSet(1 << 8);

        private final Groups events = new Groups();
        private final Groups genres = new Groups();

        private Accumulation(long institutionId, List<Long> deliveryIds) {
            this.institutionId = institutionId;
            this.deliveryIds = List.copyOf(deliveryIds);
            if (this.deliveryIds.size() > 63) {
                throw new IllegalArgumentException("a report covers at most 63 deliveries");
            }
            deliveryIdArray = this.deliveryIds.stream().mapToLong(Long::longValue).toArray();
        }

        /**
         * One validated row.
         *
         * @param orderDay  order date as epoch day
         * @param eventDay  event date as epoch day, or {@link #NO_DAY}
         */
        public void add(long deliveryId, String orderId, String customer, int orderDay, String eventId,
                String eventName, int eventDay, String genre, int ticketCount, String pc4) {
            add(deliveryId, key(orderId), key(customer), orderDay, eventId, eventName, eventDay, genre, ticketCount, pc4);
        }

        /**
         * One validated row, its order and customer by their 64-bit keys ({@link #key(String)}; {@link #NO_KEY} when
         * the row has none). Only identity counts here, so
         * two distinct customers would be counted as one only if their keys collide: for a million customers the
         * chance is about 3 in 100 million.
         */
        public void add(long deliveryId, long orderKey, long customerKey, int orderDay, String eventId,
                String eventName, int eventDay, String genre, int ticketCount, String pc4) {
            add(deliveryId, orderKey, customerKey, orderDay, eventId, eventName, eventDay, genre, ticketCount, index(pc4));
        }

        /** One validated row, its PC4 already as a number ({@link AudienceFigureCalculator#index}; -1 for none). */
        public void add(long deliveryId, long orderKey, long customerKey, int orderDay, String eventId,
                String eventName, int eventDay, String genre, int ticketCount, int pc4Index) {
            int delivery = deliveryIndex(deliveryId);
            if (delivery < 0) {
                throw new IllegalArgumentException("row of delivery " + deliveryId + ", which this report does not cover");
            }
            if (ticketCount <= 0) {
                // refunds and zero-ticket lines are accepted data (delivery validation counts them), but the
                // figures count sales: a refund does not make a negative visitor (docs/processes/data-delivery.md)
                return;
            }
            rows++;
            tickets += ticketCount;
            firstOrder = Math.min(firstOrder, orderDay);
            lastOrder = Math.max(lastOrder, orderDay);
            if (eventDay != NO_DAY) {
                firstEvent = Math.min(firstEvent, eventDay);
                lastEvent = Math.max(lastEvent, eventDay);
            }
            int p = pc4Index >= 0 && pc4Index < shares.length ? pc4Index : -1;
            boolean placed = p >= 0 && shares[p] != null;
            if (placed) {
                rowsPlaced++;
                ticketsPlaced += ticketCount;
                rowTickets[p] += ticketCount;
            }
            int c = -1;
            if (customerKey == NO_KEY) {
                rowWithoutCustomer = true;
            } else {
                c = customer(customerKey);
                cDeliveries[c] |= 1L << delivery;
                if (p >= 0 && (orderDay > cPc4Day[c] || orderDay == cPc4Day[c] && p > cPc4[c])) {
                    cPc4[c] = p;
                    cPc4Day[c] = orderDay;
                }
                if (orderKey == NO_KEY) {
                    cVisits[c]++;
                } else if (newVisit(c, orderKey)) {
                    cVisits[c]++;
                }
            }
            String eventKey = eventId != null ? eventId : eventName != null ? eventName + "|" + (eventDay == NO_DAY ? "" : eventDay) : null;
            if (eventKey != null) {
                events.add(eventKey, eventName != null ? eventName : eventId, eventDay, ticketCount, c, placed ? shares[p] : null);
            }
            if (genre != null) {
                genres.add(genre, genre, NO_DAY, ticketCount, c, placed ? shares[p] : null);
            }
        }

        /**
         * The delivery's place in the report's list (at most 63: a scan, no boxing), or -1; a delivery listed
         * twice counts by its last place, as it did in a map filled in list order.
         */
        private int deliveryIndex(long deliveryId) {
            for (int i = deliveryIdArray.length - 1; i >= 0; i--) {
                if (deliveryIdArray[i] == deliveryId) {
                    return i;
                }
            }
            return -1;
        }

        /** Whether this customer's order is new: the first time this (customer, order) pair is seen. */
        private boolean newVisit(int c, long orderKey) {
            if (orderKey == previousOrder) {
                return orderCustomer[previousOrderIndex] != c && otherCustomerOrders.add(((long) c << 32) | previousOrderIndex);
            }
            int known = orders.size();
            int o = orders.indexOf(orderKey);
            previousOrder = orderKey;
            previousOrderIndex = o;
            if (o == known) {
                if (o == orderCustomer.length) {
                    orderCustomer = java.util.Arrays.copyOf(orderCustomer, o * 2);
                }
                orderCustomer[o] = c;
                return true;
            }
            return orderCustomer[o] != c && otherCustomerOrders.add(((long) c << 32) | o);
        }

        private int customer(long customerKey) {
            // the lines of an order, and often a customer's orders, follow each other in an export
            if (customerKey == previousCustomer) {
                return previousCustomerIndex;
            }
            int known = customers.size();
            int c = customers.indexOf(customerKey);
            previousCustomer = customerKey;
            previousCustomerIndex = c;
            if (c == known) {
                if (c == cPc4.length) {
                    int n = c * 2;
                    cPc4 = java.util.Arrays.copyOf(cPc4, n);
                    cPc4Day = java.util.Arrays.copyOf(cPc4Day, n);
                    cVisits = java.util.Arrays.copyOf(cVisits, n);
                    cDeliveries = java.util.Arrays.copyOf(cDeliveries, n);
                }
                cPc4[c] = -1;
                cPc4Day[c] = Integer.MIN_VALUE;
            }
            return c;
        }

        public AudienceFigures finish(Instant computedAt) {
            Unit unit = rowWithoutCustomer ? Unit.VISITS : Unit.CUSTOMERS;
            boolean perCustomer = unit == Unit.CUSTOMERS;
            int customerCount = customers.size();

            long[] people = new long[10000];
            long peoplePlaced = 0;
            if (perCustomer) {
                for (int c = 0; c < customerCount; c++) {
                    int p = cPc4[c];
                    if (p >= 0 && shares[p] != null) {
                        people[p]++;
                        peoplePlaced++;
                    }
                }
            } else {
                System.arraycopy(rowTickets, 0, people, 0, people.length);
                peoplePlaced = ticketsPlaced;
            }
            long peopleTotal = perCustomer ? customerCount : tickets;

            Basis basis = new Basis(unit, deliveryIds, rows, rowsPlaced, peopleTotal, peoplePlaced, tickets, ticketsPlaced,
                    day(firstOrder, Integer.MAX_VALUE), day(lastOrder, Integer.MIN_VALUE),
                    day(firstEvent, Integer.MAX_VALUE), day(lastEvent, Integer.MIN_VALUE));

            // areas
            List<AreaFigure> postcodes = new ArrayList<>();
            long[] mPeople = new long[municipalities.size()];
            long[] mTickets = new long[municipalities.size()];
            double[] mPopulation = new double[municipalities.size()];
            double[][] mSegments = new double[municipalities.size()][segmentCount];
            double[] segPeople = new double[segmentCount];
            double[] segTickets = new double[segmentCount];
            double[] segProvince = new double[segmentCount];
            double[] segMunicipality = new double[segmentCount];
            for (int p : coveredPc4s) {
                int mi = municipalityOf[p];
                if (mi >= 0) {
                    mPopulation[mi] += population[p];
                }
                for (int s = 0; s < segmentCount; s++) {
                    segProvince[s] += counts[p][s];
                    if (mi >= 0 && mi == venueMunicipality) {
                        segMunicipality[s] += counts[p][s];
                    }
                    segTickets[s] += rowTickets[p] * shares[p][s];
                }
                if (people[p] == 0 && rowTickets[p] == 0) {
                    continue;
                }
                double[] seg = new double[segmentCount];
                for (int s = 0; s < segmentCount; s++) {
                    seg[s] = people[p] * shares[p][s];
                    segPeople[s] += seg[s];
                }
                if (mi >= 0) {
                    mPeople[mi] += people[p];
                    mTickets[mi] += rowTickets[p];
                    for (int s = 0; s < segmentCount; s++) {
                        mSegments[mi][s] += seg[s];
                    }
                }
                postcodes.add(new AreaFigure(pc4(p), mi >= 0 ? municipalities.get(mi).name() : pc4(p),
                        mi >= 0 ? municipalities.get(mi).code() : null, people[p], rowTickets[p], population[p],
                        known(distance[p]), bySegment(seg)));
            }
            postcodes.sort(Comparator.comparingLong(AreaFigure::people).reversed().thenComparing(AreaFigure::code));
            List<AreaFigure> municipalityFigures = new ArrayList<>();
            for (int mi = 0; mi < municipalities.size(); mi++) {
                if (mPeople[mi] == 0 && mTickets[mi] == 0) {
                    continue;
                }
                Municipality m = municipalities.get(mi);
                municipalityFigures.add(new AreaFigure(m.code(), m.name(), m.code(), mPeople[mi], mTickets[mi],
                        mPopulation[mi], known(municipalityDistance[mi]), bySegment(mSegments[mi])));
            }
            municipalityFigures.sort(Comparator.comparingLong(AreaFigure::people).reversed().thenComparing(AreaFigure::code));

            // catchment
            boolean byDistance = venues.stream().anyMatch(v -> v.latitude() != null);
            List<Integer> order = new ArrayList<>();
            for (int p : coveredPc4s) {
                if (byDistance ? !Double.isNaN(distance[p]) : people[p] > 0) {
                    order.add(p);
                }
            }
            order.sort(byDistance ? Comparator.<Integer>comparingDouble(p -> distance[p]).thenComparingInt(p -> p)
                    : Comparator.<Integer>comparingLong(p -> -people[p]).thenComparingInt(p -> p));
            long withDistance = 0;
            for (int p : order) {
                withDistance += people[p];
            }
            List<CatchmentLevel> levels = new ArrayList<>();
            List<Integer> catchment90 = List.of();
            for (int level : LEVELS) {
                long cumulative = 0;
                int last = -1;
                for (int i = 0; i < order.size(); i++) {
                    cumulative += people[order.get(i)];
                    if (cumulative * 100 >= level * peoplePlaced && peoplePlaced > 0) {
                        last = i;
                        break;
                    }
                }
                if (last < 0) {
                    continue; // not reachable: too many people without a known distance, or nobody placed
                }
                // everything as near as the last area taken belongs to the area too
                double radius = byDistance ? distance[order.get(last)] : Double.NaN;
                while (byDistance && last + 1 < order.size() && distance[order.get(last + 1)] == radius) {
                    last++;
                }
                List<Integer> taken = order.subList(0, last + 1);
                long inPeople = 0;
                double inPopulation = 0;
                LinkedHashSet<String> inMunicipalities = new LinkedHashSet<>();
                List<String> pc4s = new ArrayList<>();
                for (int p : taken) {
                    inPeople += people[p];
                    inPopulation += population[p];
                    pc4s.add(pc4(p));
                    if (municipalityOf[p] >= 0) {
                        inMunicipalities.add(municipalities.get(municipalityOf[p]).code());
                    }
                }
                levels.add(new CatchmentLevel(level, byDistance ? radius : 0, inPeople, inPopulation, pc4s,
                        List.copyOf(inMunicipalities)));
                if (level == 90) {
                    catchment90 = List.copyOf(taken);
                }
            }
            List<DistanceBand> bands = new ArrayList<>();
            Double median = null;
            if (byDistance) {
                long[] inBand = new long[DISTANCE_BANDS.length];
                long cumulative = 0;
                for (int p : order) {
                    int b = DISTANCE_BANDS.length - 1;
                    while (distance[p] < DISTANCE_BANDS[b]) {
                        b--;
                    }
                    inBand[b] += people[p];
                    cumulative += people[p];
                    if (median == null && withDistance > 0 && cumulative * 2 >= withDistance) {
                        median = distance[p];
                    }
                }
                for (int b = 0; b < DISTANCE_BANDS.length; b++) {
                    bands.add(new DistanceBand(DISTANCE_BANDS[b], b + 1 < DISTANCE_BANDS.length ? DISTANCE_BANDS[b + 1] : null, inBand[b]));
                }
            }
            Catchment catchment = new Catchment(levels, bands, median, byDistance ? peoplePlaced - withDistance : 0);

            double[] segCatchment = new double[segmentCount];
            for (int p : catchment90) {
                for (int s = 0; s < segmentCount; s++) {
                    segCatchment[s] += counts[p][s];
                }
            }
            List<SegmentFigure> segments = new ArrayList<>();
            for (int s = 0; s < segmentCount; s++) {
                SegmentDefinition d = model.segments().get(s);
                segments.add(new SegmentFigure(d.code(), d.nameNl(), d.nameEn(), d.colour(), d.order(), segPeople[s],
                        segTickets[s], segProvince[s], segMunicipality[s], segCatchment[s]));
            }

            Frequency frequency = perCustomer ? frequency(customerCount) : null;
            List<GroupFigure> eventFigures = events.figures(perCustomer);
            List<GroupFigure> genreFigures = genres.figures(perCustomer);
            Potential potential = potential(catchment90, people);

            return new AudienceFigures(AudienceFigures.FORMAT_VERSION, computedAt, institutionId, basis, model.ref(), venues,
                    segments, postcodes, municipalityFigures, catchment, frequency, genreFigures, eventFigures, potential);
        }

        private Frequency frequency(int customerCount) {
            long visits = 0;
            long one = 0;
            long[] inBand = new long[VISIT_BANDS.length];
            boolean severalDeliveries = deliveryIds.size() >= 2;
            long latest = severalDeliveries ? 1L << (deliveryIds.size() - 1) : 0;
            long newInLatest = 0;
            long returning = 0;
            for (int c = 0; c < customerCount; c++) {
                visits += cVisits[c];
                if (cVisits[c] == 1) {
                    one++;
                }
                int b = VISIT_BANDS.length - 1;
                while (cVisits[c] < VISIT_BANDS[b]) {
                    b--;
                }
                inBand[b]++;
                if (severalDeliveries && (cDeliveries[c] & latest) != 0) {
                    if ((cDeliveries[c] & ~latest) != 0) {
                        returning++;
                    } else {
                        newInLatest++;
                    }
                }
            }
            List<VisitBand> bands = new ArrayList<>();
            for (int b = 0; b < VISIT_BANDS.length; b++) {
                bands.add(new VisitBand(VISIT_BANDS[b], b + 1 < VISIT_BANDS.length ? VISIT_BANDS[b + 1] - 1 : null, inBand[b]));
            }
            return new Frequency(customerCount, visits, bands,
                    severalDeliveries ? deliveryIds.get(deliveryIds.size() - 1) : null,
                    severalDeliveries ? newInLatest : null, severalDeliveries ? returning : null,
                    one, customerCount - one);
        }

        private Potential potential(List<Integer> catchment, long[] people) {
            double population = 0;
            long reached = 0;
            for (int p : catchment) {
                population += AudienceFigureCalculator.this.population[p];
                reached += people[p];
            }
            double average = population <= 0 ? 0 : 1000.0 * reached / population;
            List<PotentialFigure> segments = new ArrayList<>();
            for (int s = 0; s < segmentCount; s++) {
                double pop = 0;
                double got = 0;
                for (int p : catchment) {
                    pop += counts[p][s];
                    got += people[p] * shares[p][s];
                }
                segments.add(potentialFigure(model.segments().get(s).code(), model.segments().get(s).nameNl(), pop, got, average));
            }
            Map<Integer, double[]> perMunicipality = new LinkedHashMap<>();
            for (int p : catchment) {
                if (municipalityOf[p] >= 0) {
                    double[] acc = perMunicipality.computeIfAbsent(municipalityOf[p], k -> new double[2]);
                    acc[0] += AudienceFigureCalculator.this.population[p];
                    acc[1] += people[p];
                }
            }
            List<PotentialFigure> places = new ArrayList<>();
            perMunicipality.forEach((mi, acc) -> places.add(potentialFigure(municipalities.get(mi).code(),
                    municipalities.get(mi).name(), acc[0], acc[1], average)));
            Comparator<PotentialFigure> ranking = Comparator.comparingDouble(PotentialFigure::untapped).reversed()
                    .thenComparing(PotentialFigure::code);
            segments.sort(ranking);
            places.sort(ranking);
            return new Potential(average, segments, places);
        }

        /** Events or genres and who came to them. */
        private final class Groups {
            private final StringIndex index = new StringIndex(64);
            private String previousKey;
            private int previousGroup;
            private final List<String> keys = new ArrayList<>();
            private final List<String> labels = new ArrayList<>();
            private int[] firstDay = new int[64];
            private long[] groupTickets = new long[64];
            private double[][] segmentTickets = new double[64][];
            private final LongBag attendance = new LongBag(1 << 12);
            /**
             * Per customer the group of their latest row here, or -1: a pair just added to {@link #attendance} is not
             * added again (the lines of an order, a customer's visits to one genre), which keeps the bag small.
             */
            private int[] lastGroupOf = filled(new int[1 << 12], 0);

            void add(String key, String label, int day, int ticketCount, int customer, double[] share) {
                int g;
                if (key.equals(previousKey)) {
                    g = previousGroup; // the lines of an order are mostly for one event
                } else {
                    g = index.indexOf(key);
                    previousKey = key;
                    previousGroup = g;
                }
                if (g == keys.size()) {
                    keys.add(key);
                    labels.add(label);
                    if (g == firstDay.length) {
                        firstDay = java.util.Arrays.copyOf(firstDay, g * 2);
                        groupTickets = java.util.Arrays.copyOf(groupTickets, g * 2);
                        segmentTickets = java.util.Arrays.copyOf(segmentTickets, g * 2);
                    }
                    firstDay[g] = Integer.MAX_VALUE;
                    segmentTickets[g] = new double[segmentCount];
                }
                if (day != NO_DAY) {
                    firstDay[g] = Math.min(firstDay[g], day);
                }
                groupTickets[g] += ticketCount;
                if (share != null) {
                    for (int s = 0; s < segmentCount; s++) {
                        segmentTickets[g][s] += ticketCount * share[s];
                    }
                }
                if (customer >= 0) {
                    if (customer >= lastGroupOf.length) {
                        int from = lastGroupOf.length;
                        lastGroupOf = filled(java.util.Arrays.copyOf(lastGroupOf, Math.max(from * 2, customer + 1)), from);
                    }
                    if (lastGroupOf[customer] != g) {
                        attendance.add(((long) g << 32) | customer);
                        lastGroupOf[customer] = g;
                    }
                }
            }

            List<GroupFigure> figures(boolean perCustomer) {
                int n = keys.size();
                if (n == 0) {
                    return List.of();
                }
                long[] groupPeople = new long[n];
                double[][] groupSegments = new double[n][];
                if (perCustomer) {
                    for (int g = 0; g < n; g++) {
                        groupSegments[g] = new double[segmentCount];
                    }
                    attendance.forEachDistinct(pair -> groupPeople[(int) (pair >>> 32)]++);
                } else {
                    for (int g = 0; g < n; g++) {
                        groupPeople[g] = groupTickets[g];
                        groupSegments[g] = segmentTickets[g];
                    }
                }
                boolean[] small = new boolean[n];
                for (int g = 0; g < n; g++) {
                    small[g] = groupPeople[g] < AudienceFigures.SMALL_GROUP;
                }
                BitSet otherCustomers = new BitSet();
                double[] otherSegments = new double[segmentCount];
                if (perCustomer) {
                    attendance.forEachDistinct(pair -> {
                        int g = (int) (pair >>> 32);
                        int c = (int) pair;
                        int p = cPc4[c];
                        if (small[g]) {
                            otherCustomers.set(c);
                        }
                        if (p >= 0 && shares[p] != null) {
                            for (int s = 0; s < segmentCount; s++) {
                                groupSegments[g][s] += shares[p][s];
                            }
                        }
                    });
                    otherCustomers.stream().forEach(c -> {
                        int p = cPc4[c];
                        if (p >= 0 && shares[p] != null) {
                            for (int s = 0; s < segmentCount; s++) {
                                otherSegments[s] += shares[p][s];
                            }
                        }
                    });
                }
                List<GroupFigure> result = new ArrayList<>();
                long otherPeople = 0;
                long otherTickets = 0;
                int grouped = 0;
                for (int g = 0; g < n; g++) {
                    if (small[g]) {
                        grouped++;
                        otherTickets += groupTickets[g];
                        if (!perCustomer) {
                            otherPeople += groupPeople[g];
                            for (int s = 0; s < segmentCount; s++) {
                                otherSegments[s] += groupSegments[g][s];
                            }
                        }
                        continue;
                    }
                    LocalDate date = firstDay[g] == Integer.MAX_VALUE ? null : LocalDate.ofEpochDay(firstDay[g]);
                    String label = date == null ? labels.get(g) : labels.get(g) + " (" + date + ")";
                    result.add(new GroupFigure(keys.get(g), label, date, groupPeople[g], groupTickets[g], false, 1,
                            bySegment(groupSegments[g])));
                }
                result.sort(Comparator.comparingLong(GroupFigure::people).reversed().thenComparing(GroupFigure::key));
                if (grouped > 0) {
                    if (perCustomer) {
                        otherPeople = otherCustomers.cardinality();
                    }
                    result.add(new GroupFigure("other", "other", null, otherPeople, otherTickets, true, grouped,
                            bySegment(otherSegments)));
                }
                return result;
            }
        }
    }

    /** The array with -1 from {@code from} on. */
    private static int[] filled(int[] values, int from) {
        java.util.Arrays.fill(values, from, values.length, -1);
        return values;
    }

    private Map<String, Double> bySegment(double[] values) {
        Map<String, Double> result = new LinkedHashMap<>();
        for (int s = 0; s < segmentCount; s++) {
            result.put(model.segments().get(s).code(), values[s]);
        }
        return result;
    }

    static PotentialFigure potentialFigure(String code, String name, double population, double reached, double average) {
        double expected = population * average / 1000;
        double low = poissonLow(reached);
        double high = poissonHigh(reached);
        return new PotentialFigure(code, name, population, reached, expected, expected - reached,
                expected - high, expected - low, reached < AudienceFigures.SMALL_GROUP || expected < AudienceFigures.SMALL_GROUP);
    }

    /** Lower end of the 95 % interval of a Poisson mean, seen {@code r} (Byar's approximation). */
    static double poissonLow(double r) {
        if (r <= 0) {
            return 0;
        }
        return r * Math.pow(1 - 1 / (9 * r) - 1.96 / (3 * Math.sqrt(r)), 3);
    }

    /** Upper end of the 95 % interval of a Poisson mean, seen {@code r}. */
    static double poissonHigh(double r) {
        double r1 = r + 1;
        return r1 * Math.pow(1 - 1 / (9 * r1) + 1.96 / (3 * Math.sqrt(r1)), 3);
    }

    private static Double known(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static LocalDate day(int epochDay, int empty) {
        return epochDay == empty ? null : LocalDate.ofEpochDay(epochDay);
    }
}
