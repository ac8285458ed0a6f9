package nl.kunstloc.publieksdata.segmentation.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every aggregate one report shows, computed once from an institution's validated rows and a
 * segment model, then stored as JSON (JSON-B) so that it survives the deletion of those rows.
 *
 * <p>All counts are <em>exact</em>: disclosure control ({@code segmentation.control.Disclosure}) is
 * applied when a figure is shown, never here. Counts of people per segment are estimates (a
 * customer in a PC4 counts for each segment with that segment's share of the PC4's population),
 * so they are {@code double}; counts of customers, visits and tickets per area are whole numbers.
 *
 * <p>"People" means {@link Unit#CUSTOMERS distinct customers} when the deliveries carry customer ids,
 * otherwise {@link Unit#VISITS visits} (tickets). Every {@code people} field below is in that unit.
 *
 * <p>The methods that are not record components ({@code matchRate()}, {@code index(...)},
 * {@code penetration()}, ...) are derived and not serialised; none of them is named {@code get*}
 * or {@code is*}, so JSON-B sees only the components.
 *
 * @param formatVersion  version of this JSON shape ({@link #FORMAT_VERSION} when written)
 * @param computedAt     when the figures were computed
 * @param institutionId  the institution whose rows these are
 * @param basis          what was counted and how much of it could be placed
 * @param model          the segment model (and version) used
 * @param venues         the institution's venues; the first is the main venue (its municipality is the
 *                       "venue municipality" reference)
 * @param segments       per segment, in the model's order
 * @param postcodes      per PC4 with at least one customer, sorted by people descending
 * @param municipalities per municipality with at least one customer, sorted by people descending
 * @param catchment      the areas holding 50/75/90 % of the people, and the distances travelled
 * @param frequency      new vs returning and visits per customer; {@code null} when there are no
 *                       customer ids ({@link Unit#VISITS})
 * @param genres         per genre (empty when the rows have no genre)
 * @param events         per event, small events grouped in one {@link GroupFigure#other()} entry
 * @param potential      untapped potential per segment and per municipality
 */
public record AudienceFigures(
        int formatVersion,
        Instant computedAt,
        long institutionId,
        Basis basis,
        ModelRef model,
        List<VenueRef> venues,
        List<SegmentFigure> segments,
        List<AreaFigure> postcodes,
        List<AreaFigure> municipalities,
        Catchment catchment,
        Frequency frequency,
        List<GroupFigure> genres,
        List<GroupFigure> events,
        Potential potential) {

    public static final int FORMAT_VERSION = 1;

    /** Events (and genres) with fewer people than this are grouped as "other". */
    public static final int SMALL_GROUP = 10;

    public AudienceFigures {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(model, "model");
        venues = venues == null ? List.of() : List.copyOf(venues);
        segments = segments == null ? List.of() : List.copyOf(segments);
        postcodes = postcodes == null ? List.of() : List.copyOf(postcodes);
        municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
        genres = genres == null ? List.of() : List.copyOf(genres);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** What one "person" in these figures is. */
    public enum Unit {
        /** distinct customers (pseudonymised customer ids across the deliveries) */
        CUSTOMERS,
        /** visits = tickets; used when the deliveries have no customer ids (a museum counter, say) */
        VISITS
    }

    /** The reference population an index compares with. */
    public enum Reference {
        /** all of Noord-Brabant */
        PROVINCE,
        /** the main venue's municipality */
        MUNICIPALITY,
        /** the PC4 areas that together hold 90 % of the people ({@link Catchment#levels()}) */
        CATCHMENT
    }

    /**
     * What was counted.
     *
     * @param unit           customers or visits
     * @param deliveryIds    the accepted deliveries these figures cover, oldest first
     * @param rowsAccepted   validated rows of those deliveries
     * @param rowsPlaced     of those, rows whose PC4 is in the model (so they count in the segment figures)
     * @param people         people (in {@code unit}) in all accepted rows, placed or not
     * @param peoplePlaced   people whose PC4 is in the model: the base of every share and index
     * @param tickets        tickets in all accepted rows
     * @param ticketsPlaced  tickets in placed rows
     * @param firstOrder     earliest order date
     * @param lastOrder      latest order date
     * @param firstEvent     earliest event date ({@code null} when the rows have none)
     * @param lastEvent      latest event date ({@code null} when the rows have none)
     */
    public record Basis(Unit unit, List<Long> deliveryIds, long rowsAccepted, long rowsPlaced,
            long people, long peoplePlaced, long tickets, long ticketsPlaced,
            LocalDate firstOrder, LocalDate lastOrder, LocalDate firstEvent, LocalDate lastEvent) {

        public Basis {
            Objects.requireNonNull(unit, "unit");
            deliveryIds = deliveryIds == null ? List.of() : List.copyOf(deliveryIds);
            if (rowsPlaced > rowsAccepted || peoplePlaced > people || ticketsPlaced > tickets) {
                throw new IllegalArgumentException("more placed than accepted");
            }
        }

        /** Share of accepted rows whose postcode could be placed in the model, 0..1 (0 when no rows). */
        public double matchRate() {
            return rowsAccepted == 0 ? 0 : (double) rowsPlaced / rowsAccepted;
        }

        /** Whether customer figures (new vs returning, visits per customer) exist. */
        public boolean hasCustomers() {
            return unit == Unit.CUSTOMERS;
        }
    }

    /**
     * The segment model and version these figures were computed with.
     *
     * @param id       database id of the model version
     * @param code     stable code of the model (the same for every version), e.g. {@code cbs-levensfase}
     * @param name     display name
     * @param version  version number, 1, 2, ...
     * @param kind     what the model counts per PC4
     * @param sources  the sources and their reference years (shown on every report)
     * @param licence  licence / attribution note to show with the figures
     */
    public record ModelRef(long id, String code, String name, int version, ModelKind kind,
            List<Source> sources, String licence) {

        public ModelRef {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
            sources = sources == null ? List.of() : List.copyOf(sources);
        }

        /** "Name, version n". */
        public String label() {
            return name + " v" + version;
        }
    }

    /** One source of a model, e.g. "CBS 83502NED, population per PC4 by age", 2021. */
    public record Source(String name, int referenceYear, String attribution) {
    }

    /**
     * A venue of the institution.
     *
     * @param name              venue name
     * @param pc4               PC4 of its address
     * @param municipalityCode  {@code GMxxxx}
     * @param municipalityName  name of that municipality
     * @param latitude          PC4 centroid (WGS84) used for distances; {@code null} when unknown
     * @param longitude         idem
     */
    public record VenueRef(String name, String pc4, String municipalityCode, String municipalityName,
            Double latitude, Double longitude) {
    }

    /**
     * One segment.
     *
     * @param code                    segment code in the model
     * @param nameNl                  Dutch name
     * @param nameEn                  English name
     * @param colour                  {@code #rrggbb}
     * @param order                   position in the model (1-based)
     * @param people                  estimated people of the institution in this segment
     * @param tickets                 estimated tickets bought by them
     * @param populationProvince      population (model's kind) of this segment in the province
     * @param populationMunicipality  idem in the main venue's municipality
     * @param populationCatchment     idem in the catchment area ({@link Reference#CATCHMENT})
     */
    public record SegmentFigure(String code, String nameNl, String nameEn, String colour, int order,
            double people, double tickets,
            double populationProvince, double populationMunicipality, double populationCatchment) {

        public String name(String language) {
            return "en".equals(language) ? nameEn : nameNl;
        }

        public double population(Reference reference) {
            return switch (reference) {
                case PROVINCE -> populationProvince;
                case MUNICIPALITY -> populationMunicipality;
                case CATCHMENT -> populationCatchment;
            };
        }

        /** People per 1,000 inhabitants of this segment in the province. */
        public double penetration() {
            return populationProvince <= 0 ? 0 : 1000 * people / populationProvince;
        }
    }

    /**
     * One area (a PC4 or a municipality).
     *
     * @param code              the PC4 ({@code 5038}) or municipality code ({@code GM0855})
     * @param name              place or municipality name
     * @param municipalityCode  the (main) municipality of the area; for a municipality its own code
     * @param people            people of the institution living here
     * @param tickets           their tickets
     * @param population        inhabitants (the model's total for the area)
     * @param distanceKm        straight-line distance from the nearest venue to the area's centroid;
     *                          {@code null} when unknown
     * @param segmentPeople     estimated people per segment code (sums to {@code people})
     */
    public record AreaFigure(String code, String name, String municipalityCode, long people, long tickets,
            double population, Double distanceKm, Map<String, Double> segmentPeople) {

        public AreaFigure {
            Objects.requireNonNull(code, "code");
            segmentPeople = segmentPeople == null ? Map.of() : Map.copyOf(segmentPeople);
        }

        /** People per 1,000 inhabitants (0 when the population is unknown). */
        public double penetration() {
            return population <= 0 ? 0 : 1000.0 * people / population;
        }
    }

    /**
     * Where the people come from.
     *
     * @param levels             the smallest sets of PC4 areas (nearest first) holding 50, 75 and 90 %
     * @param distanceBands      people per band of distance from the nearest venue
     * @param medianDistanceKm   half of the placed people live within this distance ({@code null} when no distances)
     * @param peopleWithoutDistance placed people whose distance is unknown
     */
    public record Catchment(List<CatchmentLevel> levels, List<DistanceBand> distanceBands,
            Double medianDistanceKm, long peopleWithoutDistance) {

        public Catchment {
            levels = levels == null ? List.of() : List.copyOf(levels);
            distanceBands = distanceBands == null ? List.of() : List.copyOf(distanceBands);
        }

        public Optional<CatchmentLevel> level(int percent) {
            return levels.stream().filter(l -> l.percent() == percent).findFirst();
        }
    }

    /**
     * The PC4 areas, taken nearest to the venue first, that together hold at least {@code percent} %
     * of the placed people.
     *
     * @param percent      50, 75 or 90
     * @param radiusKm     distance of the farthest area taken
     * @param people       people in these areas (≥ percent % of the placed people)
     * @param population   inhabitants of these areas
     * @param pc4s         the areas, nearest first
     * @param municipalities municipality codes these areas lie in
     */
    public record CatchmentLevel(int percent, double radiusKm, long people, double population,
            List<String> pc4s, List<String> municipalities) {

        public CatchmentLevel {
            pc4s = pc4s == null ? List.of() : List.copyOf(pc4s);
            municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
        }
    }

    /** People living {@code fromKm} ≤ distance &lt; {@code toKm} from the venue ({@code toKm} null: and farther). */
    public record DistanceBand(double fromKm, Double toKm, long people) {
    }

    /**
     * How often customers come, across all the deliveries of the report.
     *
     * @param customers          distinct customers
     * @param visits             distinct orders (a visit = one order)
     * @param visitBands         customers by number of visits
     * @param latestDeliveryId   the newest delivery; {@code null} when there is only one delivery
     * @param newInLatest        customers of the newest delivery not seen in any earlier one
     *                           ({@code null} when only one delivery)
     * @param returningInLatest  customers of the newest delivery also seen in an earlier one
     * @param oneVisit           customers with exactly one visit over the whole period
     * @param repeatVisits       customers with two or more visits
     */
    public record Frequency(long customers, long visits, List<VisitBand> visitBands,
            Long latestDeliveryId, Long newInLatest, Long returningInLatest, long oneVisit, long repeatVisits) {

        public Frequency {
            visitBands = visitBands == null ? List.of() : List.copyOf(visitBands);
        }

        public double visitsPerCustomer() {
            return customers == 0 ? 0 : (double) visits / customers;
        }
    }

    /** Customers with {@code from} ≤ visits ≤ {@code to} ({@code to} null: or more). */
    public record VisitBand(int from, Integer to, long customers) {
    }

    /**
     * One genre or one event.
     *
     * @param key            genre name, or event id (event name + date when the rows have no id)
     * @param label          what to show: the genre, or "event name (date)"
     * @param eventDate      the event's first date; {@code null} for genres and "other"
     * @param people         people who came (customers or visits)
     * @param tickets        tickets
     * @param other          whether this is the "other" group of small events
     * @param grouped        number of events in this entry (1, or more for "other")
     * @param segmentPeople  estimated people per segment code
     */
    public record GroupFigure(String key, String label, LocalDate eventDate, long people, long tickets,
            boolean other, int grouped, Map<String, Double> segmentPeople) {

        public GroupFigure {
            segmentPeople = segmentPeople == null ? Map.of() : Map.copyOf(segmentPeople);
        }
    }

    /**
     * Untapped potential within the catchment area (the 90 % level): where the institution reaches fewer
     * people than it would at its own average penetration there.
     *
     * @param averagePenetration people per 1,000 inhabitants over the catchment area
     * @param segments           per segment, ranked by {@link PotentialFigure#untapped()} descending
     * @param municipalities     per municipality of the catchment area, ranked the same way
     */
    public record Potential(double averagePenetration, List<PotentialFigure> segments,
            List<PotentialFigure> municipalities) {

        public Potential {
            segments = segments == null ? List.of() : List.copyOf(segments);
            municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
        }
    }

    /**
     * @param code          segment code or municipality code
     * @param name          segment name (Dutch) or municipality name
     * @param population    inhabitants of it within the catchment area
     * @param reached       people reached there
     * @param expected      people it would reach at the average penetration: population × average / 1000
     * @param untapped      expected − reached (negative: it does better than average)
     * @param untappedLow   lower end of the 95 % interval of {@code untapped}
     * @param untappedHigh  upper end of the 95 % interval
     * @param smallCount    whether reached or expected is under 10, so the figure is shaky
     */
    public record PotentialFigure(String code, String name, double population, double reached,
            double expected, double untapped, double untappedLow, double untappedHigh, boolean smallCount) {

        public double penetration() {
            return population <= 0 ? 0 : 1000 * reached / population;
        }
    }

    /** The segment's share of the placed people, 0..1. */
    public double share(SegmentFigure segment) {
        return basis.peoplePlaced() == 0 ? 0 : segment.people() / basis.peoplePlaced();
    }

    /** The segment's share of the reference population, 0..1. */
    public double referenceShare(SegmentFigure segment, Reference reference) {
        double total = segments.stream().mapToDouble(s -> s.population(reference)).sum();
        return total <= 0 ? 0 : segment.population(reference) / total;
    }

    /**
     * The index of a segment against a reference: its share of the people divided by its share of the
     * reference population, × 100 (100 = as expected). {@code NaN} when the segment has no population
     * in the reference.
     */
    public double index(SegmentFigure segment, Reference reference) {
        double expected = referenceShare(segment, reference);
        return expected <= 0 ? Double.NaN : 100 * share(segment) / expected;
    }

    /** The segment with this code. */
    public Optional<SegmentFigure> segment(String code) {
        return segments.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** The main venue (the first), if any. */
    public Optional<VenueRef> mainVenue() {
        return venues.isEmpty() ? Optional.empty() : Optional.of(venues.get(0));
    }
}
