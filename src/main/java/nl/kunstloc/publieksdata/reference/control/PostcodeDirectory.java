package nl.kunstloc.publieksdata.reference.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import nl.kunstloc.publieksdata.reference.entity.Municipality;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The Noord-Brabant PC4 areas with their municipality and population.
 *
 * <p>Works both as a CDI bean (the no-arg constructor; the tables are read from the classpath on
 * first use, so creating Weld's proxy costs nothing) and as a plain object in unit tests
 * ({@link #load()} or {@link #of(InputStream, InputStream, InputStream)}). Immutable once loaded,
 * so it is safe to share between threads.
 */
@ApplicationScoped
public class PostcodeDirectory {

    static final String PC4_MUNICIPALITY = "/reference/nb_pc4_gemeente_2024.csv";
    static final String MUNICIPALITIES = "/reference/nb_gemeenten_2023.csv";
    static final String PC4_POPULATION = "/reference/nb_pc4_bevolking_2021.csv";

    private volatile Tables tables;

    /** For CDI: loads lazily from the classpath. */
    public PostcodeDirectory() {
    }

    private PostcodeDirectory(Tables tables) {
        this.tables = tables;
    }

    /** The directory from the bundled classpath files, loaded now. */
    public static PostcodeDirectory load() {
        return new PostcodeDirectory(Tables.fromClasspath());
    }

    /** The directory from the three CSV files (same columns as the bundled ones); closes no stream. */
    public static PostcodeDirectory of(InputStream pc4Municipality, InputStream municipalities, InputStream pc4Population) {
        try {
            return new PostcodeDirectory(Tables.read(pc4Municipality, municipalities, pc4Population));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reference data", e);
        }
    }

    /** The municipality holding most addresses of this PC4 ({@code hoofdgemeente}); accepts a PC6 as well. */
    public Optional<Municipality> municipalityOfPc4(String pc4) {
        return Postcodes.pc4(pc4).map(tables().mainMunicipalityCode::get).map(tables().municipalities::get);
    }

    /** A Noord-Brabant municipality by its CBS code ({@code GM0855}). */
    public Optional<Municipality> municipality(String code) {
        return Optional.ofNullable(code == null ? null : tables().municipalities.get(code.strip().toUpperCase()));
    }

    /** All 56 municipalities, sorted by name ('s-Hertogenbosch under H). */
    public List<Municipality> municipalities() {
        return tables().sortedMunicipalities;
    }

    /** Whether the PC4 (or the PC4 of a PC6) has addresses in Noord-Brabant. */
    public boolean isBrabantPc4(String pc4) {
        return Postcodes.pc4(pc4).map(tables().mainMunicipalityCode::containsKey).orElse(false);
    }

    /** Inhabitants of the PC4 on 1 Jan 2021; empty outside Noord-Brabant and where CBS has no figure (5592, 5656). */
    public OptionalInt populationOfPc4(String pc4) {
        Integer inhabitants = Postcodes.pc4(pc4).map(tables().pc4Population::get).orElse(null);
        return inhabitants == null ? OptionalInt.empty() : OptionalInt.of(inhabitants);
    }

    /** The PC4s with addresses in Noord-Brabant. */
    public int pc4Count() {
        return tables().mainMunicipalityCode.size();
    }

    private Tables tables() {
        Tables loaded = tables;
        if (loaded == null) {
            synchronized (this) {
                loaded = tables;
                if (loaded == null) {
                    loaded = Tables.fromClasspath();
                    tables = loaded;
                }
            }
        }
        return loaded;
    }

    private record Tables(Map<String, Municipality> municipalities, List<Municipality> sortedMunicipalities,
                          Map<String, String> mainMunicipalityCode, Map<String, Integer> pc4Population) {

        static Tables fromClasspath() {
            try (InputStream links = open(PC4_MUNICIPALITY);
                 InputStream municipalities = open(MUNICIPALITIES);
                 InputStream population = open(PC4_POPULATION)) {
                return read(links, municipalities, population);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled reference data", e);
            }
        }

        private static InputStream open(String resource) {
            return Objects.requireNonNull(PostcodeDirectory.class.getResourceAsStream(resource),
                    () -> "reference file missing from the classpath: " + resource);
        }

        static Tables read(InputStream pc4Municipality, InputStream municipalityStream, InputStream population)
                throws IOException {
            Map<String, Municipality> municipalities = new HashMap<>();
            for (CSVRecord r : records(municipalityStream)) {
                municipalities.put(r.get("gemeentecode"), new Municipality(r.get("gemeentecode"),
                        r.get("gemeentenaam"), Integer.parseInt(r.get("aantal_inwoners"))));
            }
            Map<String, String> mainMunicipality = new HashMap<>();
            for (CSVRecord r : records(pc4Municipality)) {
                if (Boolean.parseBoolean(r.get("hoofdgemeente"))) {
                    String code = r.get("gemeentecode");
                    if (!municipalities.containsKey(code)) {
                        throw new IllegalStateException("PC4 " + r.get("pc4") + " points at unknown municipality " + code);
                    }
                    mainMunicipality.put(r.get("pc4"), code);
                }
            }
            Map<String, Integer> inhabitants = new HashMap<>();
            for (CSVRecord r : records(population)) {
                // CBS leaves the cell empty where it keeps a small count secret (PC4 5656)
                if (!r.get("inwoners").isBlank()) {
                    inhabitants.put(r.get("pc4"), Integer.parseInt(r.get("inwoners")));
                }
            }
            List<Municipality> sorted = new ArrayList<>(municipalities.values());
            sorted.sort(Comparator.comparing(Tables::sortKey, Collator.getInstance(new Locale("nl", "NL"))));
            return new Tables(Map.copyOf(municipalities), List.copyOf(sorted), Map.copyOf(mainMunicipality),
                    Map.copyOf(inhabitants));
        }

        /** Dutch lists file 's-Hertogenbosch under H, as in the phone book. */
        private static String sortKey(Municipality m) {
            return m.name().replaceFirst("^'[st][- ]", "");
        }

        private static List<CSVRecord> records(InputStream in) throws IOException {
            // small files (a few hundred rows): reading them whole is fine
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
