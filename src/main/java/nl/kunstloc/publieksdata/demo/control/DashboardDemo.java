package nl.kunstloc.publieksdata.demo.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.logging.Logger;
import javax.sql.DataSource;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.institution.entity.Institution;
import nl.kunstloc.publieksdata.institution.entity.InstitutionStatus;
import nl.kunstloc.publieksdata.institution.entity.InstitutionType;
import nl.kunstloc.publieksdata.institution.entity.Venue;
import nl.kunstloc.publieksdata.platform.persistence.DatabaseMigration;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.platform.security.UserAccount;
import nl.kunstloc.publieksdata.platform.security.UserAccounts;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.report.entity.AudienceReport;
import nl.kunstloc.publieksdata.segmentation.control.AudienceFigureCalculator;
import nl.kunstloc.publieksdata.segmentation.control.AudienceFiguresJson;
import nl.kunstloc.publieksdata.segmentation.control.DefaultModel;
import nl.kunstloc.publieksdata.segmentation.control.ModelStore;
import nl.kunstloc.publieksdata.segmentation.control.Pc4Centroids;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.VenueRef;
import nl.kunstloc.publieksdata.segmentation.entity.ModelData;

/**
 * Enough published reports for the dashboards to show real figures: fourteen institutions of the pilot's first
 * round (theatres, museums, festivals, music venues, a film house) in eight municipalities, whose data came in by
 * e-mail before the portal existed. Their reports are computed by the real calculator from customers drawn from
 * the Brabant PC4s (population × a distance decay from the venue), and stored as published versions; they name
 * delivery 0, "outside the portal", because no delivery of theirs is in it. Eleven of them also reported the 2025/26
 * season (a second published version, the first kept as replaced), so the policymakers' trend has two seasons; three
 * reported one season only.
 * <p>
 * Helmond's figures are dominated by its own large theatre (more than 70 %), so the municipality view shows
 * "niet te tonen" there. Seven theatres with a published report (Theater aan de Dommel's included) let the peer
 * benchmark show; three museums are too few. Policymakers: beleid@brabant.nl (the province) and
 * beleid@eindhoven.nl (Eindhoven).
 */
@Dependent
public class DashboardDemo {

    private static final Logger LOG = Logger.getLogger(DashboardDemo.class.getName());
    static final String EINDHOVEN_POLICYMAKER = "beleid@eindhoven.nl";
    static final String PROVINCE_POLICYMAKER = "beleid@brabant.nl";
    static final String COORDINATOR = "coordinator@kunstloc.nl";
    /** "Delivered outside the portal" (first round). */
    static final long OUTSIDE_PORTAL = 0L;
    static final LocalDate FIRST_SEASON = LocalDate.of(2024, 9, 1);
    static final LocalDate SECOND_SEASON = LocalDate.of(2025, 9, 1);
    /** These delivered one season only, so some areas' trend shows a season whose figures are withheld. */
    static final java.util.Set<String> ONE_SEASON_ONLY = java.util.Set.of("Filmhuis De Lichtbundel", "Theater aan de Vliet",
            "Museum De Markies");

    /** name, type, municipality, venue street, venue postcode, city, customers, distance decay in km */
    private static final Object[][] FIRST_ROUND = {
            {"Muziekgebouw Lichtstad", InstitutionType.MUSIC_VENUE, "GM0772", "Heuvel 1", "5611AB", "Eindhoven", 900, 9.0},
            {"Museum Lichtstad", InstitutionType.MUSEUM, "GM0772", "Stratumsedijk 2", "5612AA", "Eindhoven", 800, 12.0},
            {"Festival Stadsklanken", InstitutionType.FESTIVAL, "GM0772", "Stadswandelpark 1", "5611AC", "Eindhoven", 1000, 10.0},
            {"Stadsschouwburg Het Kwartier", InstitutionType.THEATRE, "GM0855", "Schouwburgring 1", "5038AA", "Tilburg", 1100, 8.0},
            {"Museum De Weverij", InstitutionType.MUSEUM, "GM0855", "Goirkestraat 3", "5017AA", "Tilburg", 600, 12.0},
            {"Poppodium De Spoorzone", InstitutionType.MUSIC_VENUE, "GM0855", "Veemarktstraat 4", "5038AB", "Tilburg", 900, 10.0},
            {"Theater De Bossche Buhne", InstitutionType.THEATRE, "GM0796", "Pensionaatstraat 5", "5211AA", "'s-Hertogenbosch", 1000, 8.0},
            {"Filmhuis De Lichtbundel", InstitutionType.CINEMA, "GM0796", "Verwersstraat 6", "5223AA", "'s-Hertogenbosch", 500, 7.0},
            {"Theater aan de Mark", InstitutionType.THEATRE, "GM0758", "Claudius Prinsenlaan 7", "4811AA", "Breda", 1000, 8.0},
            {"Festival Zuiderpark", InstitutionType.FESTIVAL, "GM0758", "Zuiderpark 8", "4818AA", "Breda", 700, 9.0},
            {"Theater De Kasteelhof", InstitutionType.THEATRE, "GM0794", "Kasteelplein 9", "5701AA", "Helmond", 2600, 5.0},
            {"Schouwburg Maasland", InstitutionType.THEATRE, "GM0828", "Schouwburgplein 10", "5341AA", "Oss", 700, 7.0},
            {"Theater aan de Vliet", InstitutionType.THEATRE, "GM1674", "Vlietstraat 11", "4701AA", "Roosendaal", 600, 7.0},
            {"Museum De Markies", InstitutionType.MUSEUM, "GM0748", "Steenbergsestraat 12", "4611AA", "Bergen op Zoom", 500, 10.0}};

    @Inject
    Institutions institutions;

    @Inject
    UserAccounts accounts;

    @Inject
    PostcodeDirectory directory;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = DatabaseMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    nl.kunstloc.publieksdata.onboarding.control.OnboardingWorkflow onboarding;

    @Inject
    nl.kunstloc.publieksdata.session.control.Sessions sessions;

    @Inject
    nl.kunstloc.publieksdata.workflow.Workflow workflow;

    /** For the overview benchmark only: top the pilot up to this many institutions (0: leave it). */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "publieksdata.demo.bench-institutions", defaultValue = "0")
    int benchInstitutions;

    /** For the overview benchmark only: top the engine up to this many process instances (0: leave it). */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "publieksdata.demo.bench-processes", defaultValue = "0")
    int benchProcesses;

    @Transactional
    public void load() {
        ModelData model = model();
        Pc4Centroids centroids = Pc4Centroids.load();
        Random random = new Random(14);
        Random secondRound = new Random(15);
        int seasons = 0;
        for (Object[] row : FIRST_ROUND) {
            Institution institution = institutions.create((String) row[0], (InstitutionType) row[1], (String) row[2],
                    InstitutionStatus.ACTIVE);
            Venue venue = institutions.addVenue(new Venue(institution.getId(), "Hoofdlocatie", (String) row[3], (String) row[4],
                    (String) row[5], (String) row[2]));
            List<Visit> first = visits(venue, model, centroids, (Integer) row[6], (Double) row[7],
                    preference(institution.getType(), model), FIRST_SEASON, 1, random);
            AudienceReport v1 = publish(institution, 1, figures(institution, venue, model, centroids, first), model);
            if (!ONE_SEASON_ONLY.contains(institution.getName())) {
                List<Visit> both = new ArrayList<>(first);
                both.addAll(secondSeason(first, venue, model, centroids, (Integer) row[6], (Double) row[7],
                        secondSeasonPreference(institution.getType(), model), secondRound));
                AudienceReport v2 = publish(institution, 2, figures(institution, venue, model, centroids, both), model);
                v1.supersede(v2.getId(), clock.instant());
                seasons++;
            }
        }
        int secondSeasons = seasons;
        accounts.find(PROVINCE_POLICYMAKER).ifPresent(u -> {
            u.assignPolicyArea(UserAccount.PROVINCE);
            accounts.update(u);
        });
        UserAccount eindhoven = accounts.create(EINDHOVEN_POLICYMAKER, "Erik Eindhoven", null, EnumSet.of(Role.POLICYMAKER),
                DemoData.PASSWORD);
        eindhoven.assignPolicyArea("GM0772");
        accounts.update(eindhoven);
        LOG.info(() -> "Demo dashboards loaded: " + FIRST_ROUND.length + " published first-round reports, " + secondSeasons
                + " of them with a second season");
    }

    /**
     * The volume the overview benchmark measures (docs/performance.md): institutions invited or applying through
     * the real onboarding, each with its process, then knowledge sessions planned (far ahead, for an institution
     * that is not active yet, so nobody is mailed) until the engine holds the asked number of process instances.
     * Not transactional: each step commits on its own, as the coordinator's clicks would.
     */
    public void loadBenchVolume() {
        if (benchInstitutions <= 0 && benchProcesses <= 0) {
            return;
        }
        String[] municipalities = {"GM0772", "GM0855", "GM0796", "GM0758", "GM0794", "GM0828", "GM1674", "GM0748"};
        InstitutionType[] types = InstitutionType.values();
        Long anyInvited = null;
        for (int n = institutions.all().size() + 1; n <= benchInstitutions; n++) {
            String name = String.format("Benchinstelling %03d", n);
            String email = String.format("bench%03d@example.nl", n);
            Institution created = n % 2 == 0
                    ? onboarding.invite(name, types[n % types.length], municipalities[n % municipalities.length], "Contact " + n, email, COORDINATOR)
                    : onboarding.apply(name, types[n % types.length], municipalities[n % municipalities.length], "Contact " + n, email,
                            "Wij doen graag mee.");
            if (created.getStatus() == InstitutionStatus.INVITED) {
                anyInvited = created.getId();
            }
        }
        long processes = workflow.processDurations().stream().mapToLong(p -> p.running() + p.finished()).sum();
        Instant start = clock.instant().plus(java.time.Duration.ofDays(200));
        for (long n = processes; n < benchProcesses && anyInvited != null; n++) {
            Instant at = start.plus(java.time.Duration.ofDays(n));
            sessions.plan(new nl.kunstloc.publieksdata.session.entity.SessionPlan("Benchsessie " + n, "Benchmark", at,
                    at.plus(java.time.Duration.ofHours(2)), "Kunstloc, Tilburg", null, 20, at.minus(java.time.Duration.ofDays(7)),
                    new nl.kunstloc.publieksdata.session.entity.SessionAudience(
                            nl.kunstloc.publieksdata.session.entity.AudienceKind.CHOSEN_INSTITUTIONS, null,
                            java.util.Set.of(anyInvited), EnumSet.of(Role.INSTITUTION_MEMBER)), "Voor de benchmark.", null),
                    COORDINATOR);
        }
        LOG.info(() -> "Benchmark volume loaded: " + institutions.all().size() + " institutions, "
                + workflow.processDurations().stream().mapToLong(p -> p.running() + p.finished()).sum() + " process instances");
    }

    private ModelData model() {
        try (Connection c = dataSource.getConnection()) {
            long id = ModelStore.current(c, DefaultModel.CODE).orElseThrow(() -> new IllegalStateException("no default model"));
            return ModelStore.load(c, id).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the default model", e);
        }
    }

    /** One customer's visit to one event, as a delivery row would give it. */
    record Visit(String order, String customer, int orderDay, int event, int eventDay, int tickets, String pc4) {
    }

    /** Visits of one season: {@code customers} people drawn around the venue, 30 % of them coming more than once. */
    private static List<Visit> visits(Venue venue, ModelData model, Pc4Centroids centroids, int customers, double decayKm,
                                      double[] preference, LocalDate seasonStart, int firstCustomer, Random random) {
        Sampler sampler = new Sampler(model, centroids, centroids.of(venue.getPc4()).orElseThrow(), decayKm, preference);
        int start = (int) seasonStart.toEpochDay();
        String prefix = seasonStart.getYear() + "-";
        List<Visit> visits = new ArrayList<>();
        int order = 1;
        for (int c = firstCustomer; c < firstCustomer + customers; c++) {
            visits.addAll(visitsOf("C" + c, sampler.pc4(random), start, prefix, order, random));
            order += 4;
        }
        return visits;
    }

    private static List<Visit> visitsOf(String customer, String pc4, int seasonStart, String orderPrefix, int order, Random random) {
        List<Visit> visits = new ArrayList<>();
        int count = 1 + (random.nextDouble() < 0.3 ? 1 + random.nextInt(3) : 0);
        for (int v = 0; v < count; v++) {
            int eventDay = seasonStart + random.nextInt(300);
            visits.add(new Visit("O" + orderPrefix + customer + "-" + (order + v), customer, eventDay - 10 - random.nextInt(30),
                    random.nextInt(12), eventDay, 1 + random.nextInt(3), pc4));
        }
        return visits;
    }

    /**
     * The 2025/26 season: 40 % of last season's customers come back (from the same PC4), and as many new ones as
     * there were customers before, drawn with the season's preference (the theatres' and museums' youth programmes).
     */
    private static List<Visit> secondSeason(List<Visit> first, Venue venue, ModelData model, Pc4Centroids centroids,
                                            int customers, double decayKm, double[] preference, Random random) {
        int start = (int) SECOND_SEASON.toEpochDay();
        String prefix = SECOND_SEASON.getYear() + "-";
        List<Visit> visits = new ArrayList<>();
        java.util.Map<String, String> returning = new java.util.LinkedHashMap<>();
        first.forEach(v -> returning.putIfAbsent(v.customer(), v.pc4()));
        for (var customer : returning.entrySet()) {
            if (random.nextDouble() < 0.4) {
                visits.addAll(visitsOf(customer.getKey(), customer.getValue(), start, prefix, 1, random));
            }
        }
        visits.addAll(visits(venue, model, centroids, customers, decayKm, preference, SECOND_SEASON, customers + 1, random));
        return visits;
    }

    private AudienceFigures figures(Institution institution, Venue venue, ModelData model, Pc4Centroids centroids,
                                    List<Visit> visits) {
        var centre = centroids.of(venue.getPc4()).orElseThrow();
        VenueRef ref = new VenueRef(venue.getName(), venue.getPc4(), venue.getMunicipalityCode(),
                directory.municipality(venue.getMunicipalityCode()).map(m -> m.name()).orElse(null), centre.latitude(),
                centre.longitude());
        AudienceFigureCalculator calculator = new AudienceFigureCalculator(model, directory, centroids, List.of(ref));
        AudienceFigureCalculator.Accumulation rows = calculator.start(institution.getId(), List.of(OUTSIDE_PORTAL));
        for (Visit v : visits) {
            rows.add(OUTSIDE_PORTAL, v.order(), v.customer(), v.orderDay(), "E" + v.event(), "Voorstelling " + (v.event() + 1),
                    v.eventDay(), v.event() % 3 == 0 ? "Muziek" : v.event() % 3 == 1 ? "Toneel" : "Familie", v.tickets(), v.pc4());
        }
        return rows.finish(clock.instant());
    }

    private AudienceReport publish(Institution institution, int version, AudienceFigures figures, ModelData model) {
        Instant now = clock.instant();
        AudienceReport report = new AudienceReport(institution.getId(), institution.getName(), version, List.of(OUTSIDE_PORTAL),
                COORDINATOR, now);
        em.persist(report);
        em.flush();
        report.recordFigures(AudienceFiguresJson.toJson(figures), model.ref().id(), model.ref().label(), now);
        report.approveForDirector(version == 1 ? "Eerste ronde (per e-mail aangeleverd, v\u00f3\u00f3r het portaal)."
                : "Seizoen 2025/26 (per e-mail aangeleverd).", COORDINATOR, now);
        report.approve("directie@" + institution.getName().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "") + ".nl", now);
        report.publish(now);
        return report;
    }

    /** The second season's preference: theatres and museums ran youth programmes, so the young count more. */
    static double[] secondSeasonPreference(InstitutionType type, ModelData model) {
        double[] weights = preference(type, model);
        if (type == InstitutionType.THEATRE || type == InstitutionType.MUSEUM) {
            for (int s = 0; s < weights.length; s++) {
                String code = model.segments().get(s).code();
                if (code.equals("JONG") || code.equals("STARTER")) {
                    weights[s] *= 1.6;
                }
            }
        }
        return weights;
    }

    /**
     * How much each segment of the default model is drawn to an institution of this type (festivals and music
     * venues to the young, theatres and museums to the older), so the profiles and indices differ as real ones do.
     */
    static double[] preference(InstitutionType type, ModelData model) {
        java.util.Map<String, Double> w = switch (type) {
            case THEATRE -> java.util.Map.of("SENIOR", 2.0, "MIDDEN", 1.5, "OUDEREN", 1.0, "JONG", 0.4);
            case MUSEUM -> java.util.Map.of("SENIOR", 2.0, "GEZIN", 1.6, "KIND", 1.4, "MIDDEN", 1.0);
            case FESTIVAL -> java.util.Map.of("JONG", 2.5, "STARTER", 2.0, "OUDEREN", 0.2);
            case MUSIC_VENUE -> java.util.Map.of("JONG", 2.5, "STARTER", 1.8, "MIDDEN", 0.8, "OUDEREN", 0.2);
            case CINEMA -> java.util.Map.of("STARTER", 1.8, "MIDDEN", 1.2, "SENIOR", 1.2);
            default -> java.util.Map.of();
        };
        double[] weights = new double[model.segments().size()];
        for (int s = 0; s < weights.length; s++) {
            weights[s] = w.getOrDefault(model.segments().get(s).code(), 0.6);
        }
        return weights;
    }

    /**
     * PC4s of the model weighted by population × exp(−distance / decay) from the venue × (how much the PC4's
     * inhabitants are drawn to the institution)^8: the power makes the few PC4s full of students or of seniors count.
     */
    static final class Sampler {
        private final List<String> pc4s = new ArrayList<>();
        private final List<Double> cumulative = new ArrayList<>();

        Sampler(ModelData model, Pc4Centroids centroids, Pc4Centroids.Point venue, double decayKm, double[] preference) {
            double sum = 0;
            for (String pc4 : model.pc4s().stream().sorted().toList()) {
                var point = centroids.of(pc4);
                double population = model.population(pc4);
                if (point.isEmpty() || population <= 0) {
                    continue;
                }
                double dLat = Math.toRadians(point.get().latitude() - venue.latitude());
                double dLon = Math.toRadians(point.get().longitude() - venue.longitude()) * Math.cos(Math.toRadians(venue.latitude()));
                double km = 6371 * Math.sqrt(dLat * dLat + dLon * dLon);
                double[] shares = model.shares(pc4);
                double drawn = 0;
                for (int s = 0; s < shares.length; s++) {
                    drawn += shares[s] * preference[s];
                }
                sum += population * Math.exp(-km / decayKm) * Math.pow(drawn, 8);
                pc4s.add(pc4);
                cumulative.add(sum);
            }
        }

        String pc4(Random random) {
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
    }
}
