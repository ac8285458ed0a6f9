package nl.kunstloc.publieksdata.segmentation.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.reference.entity.Municipality;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.ModelRef;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.Source;
import nl.kunstloc.publieksdata.segmentation.entity.ModelData;
import nl.kunstloc.publieksdata.segmentation.entity.ModelKind;
import nl.kunstloc.publieksdata.segmentation.entity.SegmentDefinition;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The open default model "Levensfase (CBS)": seven life-stage segments per PC4, built only from
 * public CBS figures (see docs/segmentation.md for the method and its limits).
 *
 * <ol>
 *   <li>the PC4's five-year age bands (CBS 83502NED, 1 Jan 2021) give children 0–14, young people
 *       15–24, adults 25–44, 45–64, 65–79 and 80+;</li>
 *   <li>the adults 25–44 are split into "young families" and "starters and couples" by the share of
 *       households with children in the PC4's municipality (CBS Wijken en Buurten 2023);</li>
 *   <li>every PC4 is scaled so that its segments add up to CBS's total inhabitants of the PC4
 *       (83503NED): CBS rounds every age cell to a multiple of 5, so the bands alone can be 5–10 off.</li>
 * </ol>
 * A PC4 without CBS figures (5656 is secret, 5592 is newer than 2021) is not in the model.
 */
public final class DefaultModel {

    public static final String CODE = "cbs-levensfase";
    public static final int VERSION = 1;
    public static final String LICENCE = "Bron: CBS (Centraal Bureau voor de Statistiek), CC BY 4.0. "
            + "PC4–gemeente-koppeling: H. Weda / reidhin/grenswijzigen, CC BY-NC-SA 4.0.";

    static final String AGE = "/reference/nb_pc4_leeftijd_2021.csv";
    static final String POPULATION = "/reference/nb_pc4_bevolking_2021.csv";
    static final String MUNICIPALITIES = "/reference/nb_gemeenten_2023.csv";

    public static final List<Source> SOURCES = List.of(
            new Source("CBS 83502NED, bevolking per postcode (PC4) naar leeftijd in vijfjaarsklassen", 2021, "CBS, CC BY 4.0"),
            new Source("CBS 83503NED, bevolking per postcode (PC4)", 2021, "CBS, CC BY 4.0"),
            new Source("CBS Kerncijfers wijken en buurten (gemeenten): huishoudens met kinderen", 2023, "CBS/PDOK, CC BY 4.0"),
            new Source("PC4–gemeente naar adressen (CBS adressenbestand, via reidhin/grenswijzigen)", 2024, "CC BY-NC-SA 4.0"));

    /** The segments, in order. Codes are stable across versions of this model. */
    public static final List<SegmentDefinition> SEGMENTS = List.of(
            new SegmentDefinition("KIND", "Kinderen (0–14)", "Children (0–14)",
                    "Kinderen tot 15 jaar; zij komen met ouders, grootouders of school.", "#1b9e77", 1),
            new SegmentDefinition("JONG", "Jongeren en studenten (15–24)", "Young people and students (15–24)",
                    "Scholieren, studenten en jonge werkenden van 15 tot 25 jaar.", "#d95f02", 2),
            new SegmentDefinition("STARTER", "Starters en stellen (25–44)", "Starters and couples (25–44)",
                    "Volwassenen van 25 tot 45 jaar zonder kinderen thuis (geschat uit de gezinssamenstelling van de gemeente).",
                    "#7570b3", 3),
            new SegmentDefinition("GEZIN", "Jonge gezinnen (25–44)", "Young families (25–44)",
                    "Ouders van 25 tot 45 jaar met kinderen thuis (geschat uit de gezinssamenstelling van de gemeente).",
                    "#e7298a", 4),
            new SegmentDefinition("MIDDEN", "Middenleeftijd (45–64)", "Middle-aged (45–64)",
                    "Volwassenen van 45 tot 65 jaar, vaak met oudere kinderen of kinderen de deur uit.", "#66a61e", 5),
            new SegmentDefinition("SENIOR", "Actieve senioren (65–79)", "Active seniors (65–79)",
                    "Mensen van 65 tot 80 jaar.", "#e6ab02", 6),
            new SegmentDefinition("OUDEREN", "Ouderen (80+)", "Older people (80+)",
                    "Mensen van 80 jaar en ouder.", "#a6761d", 7));

    private DefaultModel() {
    }

    /** The model from the bundled CBS files; {@code id} is the database id of the stored model (0 if none yet). */
    public static ModelData build(PostcodeDirectory directory, long id) {
        try (InputStream age = open(AGE); InputStream population = open(POPULATION); InputStream municipalities = open(MUNICIPALITIES)) {
            return build(directory, id, age, population, municipalities);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CBS files of the default model", e);
        }
    }

    static ModelData build(PostcodeDirectory directory, long id, InputStream ageCsv, InputStream populationCsv,
            InputStream municipalityCsv) throws IOException {
        Map<String, Double> withChildren = new HashMap<>();
        for (CSVRecord r : records(municipalityCsv)) {
            withChildren.put(r.get("gemeentecode"), Double.parseDouble(r.get("pct_huishoudens_met_kinderen")) / 100);
        }
        Map<String, Double> totals = new HashMap<>();
        for (CSVRecord r : records(populationCsv)) {
            if (!r.get("inwoners").isBlank()) {
                totals.put(r.get("pc4"), Double.parseDouble(r.get("inwoners")));
            }
        }
        // bands per PC4: 0 = 0–14, 1 = 15–24, 2 = 25–44, 3 = 45–64, 4 = 65–79, 5 = 80+
        Map<String, double[]> bands = new HashMap<>();
        for (CSVRecord r : records(ageCsv)) {
            if (r.get("inwoners").isBlank()) {
                continue; // CBS keeps small areas secret
            }
            int from = Integer.parseInt(r.get("leeftijd").replaceAll("[-+].*", ""));
            int band = from < 15 ? 0 : from < 25 ? 1 : from < 45 ? 2 : from < 65 ? 3 : from < 80 ? 4 : 5;
            bands.computeIfAbsent(r.get("pc4"), k -> new double[6])[band] += Double.parseDouble(r.get("inwoners"));
        }
        Map<String, double[]> counts = new HashMap<>();
        bands.forEach((pc4, b) -> {
            Double total = totals.get(pc4);
            Optional<Municipality> municipality = directory.municipalityOfPc4(pc4);
            double sum = b[0] + b[1] + b[2] + b[3] + b[4] + b[5];
            if (total == null || sum <= 0 || municipality.isEmpty()) {
                return;
            }
            double k = Objects.requireNonNull(withChildren.get(municipality.get().code()),
                    () -> "no household figures for " + municipality.get().code());
            double scale = total / sum;
            counts.put(pc4, new double[] {
                    b[0] * scale, b[1] * scale, b[2] * (1 - k) * scale, b[2] * k * scale, b[3] * scale, b[4] * scale, b[5] * scale });
        });
        ModelRef ref = new ModelRef(id, CODE, "Levensfase (CBS)", VERSION, ModelKind.PEOPLE, SOURCES, LICENCE);
        return new ModelData(ref, SEGMENTS, counts);
    }

    private static Iterable<CSVRecord> records(InputStream in) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
    }

    private static InputStream open(String resource) {
        return Objects.requireNonNull(DefaultModel.class.getResourceAsStream(resource), () -> "missing " + resource);
    }
}
