package nl.kunstloc.publieksdata.delivery.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * Writes a realistic Ticketmatic-style export of N order lines, streaming (constant memory), for the
 * 1M-row benchmark: semicolons, Windows-1252, CRLF, decimal commas, personal-data columns, about 12%
 * foreign or non-Brabant customers, ~1% broken postcodes, ~0.5% repeated lines and a total row.
 * Seeded, so the same N gives the same file.
 *
 * <p>Run: {@code java ... ExportGenerator /tmp/export-1m.csv 1000000}.
 */
public final class ExportGenerator {

    static final String HEADER = "Bestelling ID;Klant ID;Voornaam;Achternaam;E-mail;Straat;Huisnummer;Besteldatum;"
            + "Evenement;Evenementdatum;Locatie;Genre;Prijstype;Prijs;Aantal;Verkoopkanaal;Postcode;Land";
    /** Real Brabant PC4s (Tilburg, Eindhoven, Breda, Den Bosch, Helmond, Oss, Roosendaal, Oirschot ...). */
    private static final String[] BRABANT = {"5038", "5011", "5017", "5611", "5612", "5625", "4811", "4818", "5211",
            "5231", "5701", "5341", "4701", "5091", "5261", "4901", "5473", "5301"};
    private static final String[] ELSEWHERE_NL = {"1012", "3511", "6211", "2511"};
    private static final String[] EVENTS = {"Café Chantant", "Noël in Brabant", "Eté musical", "Hamlet", "De Notenkraker",
            "Jazz op zondag", "Crème de la crème"};
    private static final String[] GENRES = {"Muziek", "Theater", "Dans", "Cabaret", "Jeugd"};
    private static final String[] PRICE_TYPES = {"Regulier", "CJP", "65+", "Groep", "Vriend"};
    private static final String[] CHANNELS = {"Online", "Kassa", "Telefoon"};

    private final Random random;

    public ExportGenerator(long seed) {
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "export.csv");
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        long start = System.nanoTime();
        new ExportGenerator(42).write(file, rows);
        System.out.printf("%d rows, %d MB, %d ms%n", rows, Files.size(file) >> 20, (System.nanoTime() - start) / 1_000_000);
    }

    public void write(Path file, long rows) throws IOException {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                Charset.forName("windows-1252")), 1 << 16)) {
            write(out, rows);
        }
    }

    /**
     * Writes {@code rows} order lines plus a header and a total row.
     *
     * @return the number of lines that are exact repeats of an earlier one
     */
    public long write(Writer out, long rows) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
        String previous = null;
        long repeats = 0;
        long tickets = 0;
        for (long i = 1; i <= rows; i++) {
            String line;
            if (previous != null && random.nextInt(200) == 0) {
                line = previous;
                repeats++;
            } else {
                line = orderLine(i);
            }
            tickets += Long.parseLong(line.split(";")[14]);
            out.write(line);
            out.write("\r\n");
            previous = line;
        }
        out.write("Totaal;;;;;;;;;;;;;;" + tickets + ";;;\r\n");
        return repeats;
    }

    private String orderLine(long i) {
        int customer = random.nextInt(Math.max(10, (int) Math.min(Integer.MAX_VALUE, i / 3 + 10)));
        LocalDate ordered = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(365));
        int event = random.nextInt(EVENTS.length);
        int cents = 500 + random.nextInt(60) * 50;
        String[] postcode = postcode();
        return String.join(";",
                "T" + i,
                "C" + customer,
                "Voornaam" + customer,
                "Achternaam" + customer,
                "klant" + customer + "@example.nl",
                "Straat " + customer % 97,
                Integer.toString(1 + customer % 150),
                String.format("%02d-%02d-%d", ordered.getDayOfMonth(), ordered.getMonthValue(), ordered.getYear()),
                EVENTS[event],
                ordered.plusDays(7 + random.nextInt(60)).toString(),
                "Zaal " + (1 + event % 3),
                GENRES[event % GENRES.length],
                PRICE_TYPES[random.nextInt(PRICE_TYPES.length)],
                "€ " + (cents / 100) + "," + String.format("%02d", cents % 100),
                Integer.toString(1 + random.nextInt(random.nextInt(20) == 0 ? 8 : 4)),
                CHANNELS[random.nextInt(CHANNELS.length)],
                postcode[0],
                postcode[1]);
    }

    private String[] postcode() {
        int roll = random.nextInt(100);
        String letters = "" + (char) ('A' + random.nextInt(17)) + (char) ('B' + random.nextInt(20));
        if (roll < 88) {
            return new String[] {BRABANT[random.nextInt(BRABANT.length)] + " " + letters, ""};
        } else if (roll < 95) {
            return new String[] {ELSEWHERE_NL[random.nextInt(ELSEWHERE_NL.length)] + letters, "Nederland"};
        } else if (roll < 99) {
            return random.nextBoolean() ? new String[] {"2000", "België"} : new String[] {"52062", "Duitsland"};
        }
        return new String[] {"50" + letters, ""};
    }
}
