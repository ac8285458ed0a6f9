package nl.kunstloc.publieksdata.delivery.control;

import static nl.kunstloc.publieksdata.delivery.entity.CanonicalField.*;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.kunstloc.publieksdata.delivery.entity.CanonicalField;
import nl.kunstloc.publieksdata.institution.entity.TicketingSystem;

/**
 * The header names the portal knows: per ticketing system, common synonyms in Dutch and English, and the
 * words that mark a personal-data column. Headers are compared after {@link #key(String)}, so case,
 * accents, spaces and punctuation do not matter.
 *
 * <p>Where each system's names come from is written beside them. Names marked <b>assumed</b> are
 * plausible but could not be checked in a public source; replace them when real exports arrive (the
 * tests in {@code MappingDetectorTest} and {@code ExportKindsTest} show what to update).
 */
final class HeaderVocabulary {

    /** Per system: its own header names (recognised by {@link #SIGNATURES}). */
    static final Map<TicketingSystem, Map<String, CanonicalField>> PRESETS = Map.of(
            // Ticketmatic: the field names of its public API, as its own client names them — github
            // ticketmatic/tm-go, ticketmatic/types.go: Order {orderid, customerid, createdts, nbroftickets,
            // totalamount, saleschannelid}, OrderTicket {eventid, price, pricetypeid, tickettypename},
            // Address {zip, countrycode}, Event {locationname, startts} (verified, 2026-12). The Dutch
            // column titles of its back-office export below them are assumed.
            TicketingSystem.TICKETMATIC, keyed(Map.ofEntries(
                    Map.entry("orderid", ORDER_ID), Map.entry("customerid", CUSTOMER_ID),
                    Map.entry("createdts", ORDER_DATE), Map.entry("nbroftickets", TICKET_COUNT),
                    Map.entry("totalamount", PRICE), Map.entry("saleschannelid", SALES_CHANNEL),
                    Map.entry("eventid", EVENT_ID), Map.entry("pricetypeid", PRICE_TYPE),
                    Map.entry("tickettypename", PRICE_TYPE), Map.entry("locationname", VENUE),
                    Map.entry("startts", EVENT_DATE), Map.entry("zip", POSTCODE), Map.entry("countrycode", COUNTRY),
                    // assumed:
                    Map.entry("Bestelling ID", ORDER_ID), Map.entry("Klant ID", CUSTOMER_ID),
                    Map.entry("Besteldatum", ORDER_DATE), Map.entry("Evenement ID", EVENT_ID),
                    Map.entry("Evenement", EVENT_NAME), Map.entry("Evenementdatum", EVENT_DATE),
                    Map.entry("Locatie", VENUE), Map.entry("Prijstype", PRICE_TYPE))),
            // Active Tickets: assumed (no public source found).
            TicketingSystem.ACTIVE_TICKETS, keyed(Map.ofEntries(
                    Map.entry("Ordernummer", ORDER_ID), Map.entry("Relatienummer", CUSTOMER_ID),
                    Map.entry("Orderdatum", ORDER_DATE), Map.entry("Voorstellingnummer", EVENT_ID),
                    Map.entry("Voorstelling", EVENT_NAME), Map.entry("Datum voorstelling", EVENT_DATE),
                    Map.entry("Zaal", VENUE), Map.entry("Genre", GENRE), Map.entry("Prijscategorie", PRICE_TYPE),
                    Map.entry("Bedrag", PRICE), Map.entry("Aantal kaarten", TICKET_COUNT),
                    Map.entry("Verkoopkanaal", SALES_CHANNEL), Map.entry("Postcode", POSTCODE),
                    Map.entry("Land", COUNTRY))),
            // See Tickets: assumed (no public source found).
            TicketingSystem.SEE_TICKETS, keyed(Map.ofEntries(
                    Map.entry("Order Reference", ORDER_ID), Map.entry("Customer Number", CUSTOMER_ID),
                    Map.entry("Order Date", ORDER_DATE), Map.entry("Event Code", EVENT_ID),
                    Map.entry("Event Title", EVENT_NAME), Map.entry("Performance Date", EVENT_DATE),
                    Map.entry("Venue", VENUE), Map.entry("Category", GENRE), Map.entry("Ticket Type", PRICE_TYPE),
                    Map.entry("Face Value", PRICE), Map.entry("Quantity", TICKET_COUNT),
                    Map.entry("Channel", SALES_CHANNEL), Map.entry("Postal Code", POSTCODE),
                    Map.entry("Country", COUNTRY))),
            // Eventbrite attendee report: "Order #", "Order Date", "Quantity", "Price Tier", "Ticket Type",
            // "Attendee #", "Order Type", "Total Paid", "Fees Paid", "Attendee Status", "Home Zip", "Home
            // Country", with "Email" and "Home Address 1" as personal columns — verified against public code
            // that reads these reports (header checks in import scripts on GitHub, found with the code search);
            // older reports say "Date", "QTY", "Zip". "Event Name", "Event ID", "Event Start Date",
            // "Venue Name", "Buyer ID" and "Postal Code" are assumed. No customer number: the e-mail is the key.
            TicketingSystem.EVENTBRITE, keyed(Map.ofEntries(
                    Map.entry("Order #", ORDER_ID), Map.entry("Order Date", ORDER_DATE),
                    Map.entry("Quantity", TICKET_COUNT), Map.entry("QTY", TICKET_COUNT),
                    Map.entry("Price Tier", PRICE_TYPE), Map.entry("Ticket Type", PRICE_TYPE),
                    Map.entry("Order Type", SALES_CHANNEL), Map.entry("Total Paid", PRICE),
                    Map.entry("Home Zip", POSTCODE), Map.entry("Zip", POSTCODE), Map.entry("Home Country", COUNTRY),
                    // assumed:
                    Map.entry("Event ID", EVENT_ID), Map.entry("Event Name", EVENT_NAME),
                    Map.entry("Event Start Date", EVENT_DATE), Map.entry("Venue Name", VENUE),
                    Map.entry("Buyer ID", CUSTOMER_ID), Map.entry("Postal Code", POSTCODE))),
            // pretix order list exporter, github pretix/pretix src/pretix/base/exporters/orderlist.py
            // (verified): sheet "Orders" — "Event slug", "Order code", "Order total", "Status", "Email", "Order
            // date", "Order time", "ZIP code", "Country", "Sales channel", "Positions"; sheet "Order
            // positions" — "Position ID", "Product", "Variation", "Price", "Attendee email", "Start date",
            // "Pseudonymization ID". No customer number: the e-mail is the key.
            TicketingSystem.PRETIX, keyed(Map.ofEntries(
                    Map.entry("Event slug", EVENT_ID), Map.entry("Order code", ORDER_ID),
                    Map.entry("Order total", PRICE), Map.entry("Price", PRICE),
                    Map.entry("Order date", ORDER_DATE), Map.entry("ZIP code", POSTCODE),
                    Map.entry("Country", COUNTRY), Map.entry("Sales channel", SALES_CHANNEL),
                    Map.entry("Positions", TICKET_COUNT), Map.entry("Product", PRICE_TYPE),
                    Map.entry("Start date", EVENT_DATE))),
            // Ticketmaster: assumed (no public source found).
            TicketingSystem.TICKETMASTER, keyed(Map.ofEntries(
                    Map.entry("Order Number", ORDER_ID), Map.entry("Account ID", CUSTOMER_ID),
                    Map.entry("Sale Date", ORDER_DATE), Map.entry("Event Code", EVENT_ID),
                    Map.entry("Event Name", EVENT_NAME), Map.entry("Event Date", EVENT_DATE),
                    Map.entry("Venue", VENUE), Map.entry("Genre", GENRE), Map.entry("Price Code", PRICE_TYPE),
                    Map.entry("Ticket Price", PRICE), Map.entry("Number of Tickets", TICKET_COUNT),
                    Map.entry("Sales Channel", SALES_CHANNEL), Map.entry("Postal Code", POSTCODE),
                    Map.entry("Country", COUNTRY))));

    /** Common names in any system. Deliberately no bare "Datum", "Naam" or "Klant": too ambiguous (values decide). */
    static final Map<String, CanonicalField> SYNONYMS = synonyms(Map.ofEntries(
            Map.entry(ORDER_ID, List.of("Ordernummer", "Order nummer", "Ordernr", "Order ID", "Order", "Order number",
                    "Order reference", "Bestelnummer", "Bestelnr", "Bestelling", "Bestelling ID", "Bestellingsnummer",
                    "Transactie ID", "Transaction ID", "Order #", "Order code", "Ordercode", "Bestelcode",
                    "Transactienummer", "Bonnummer", "Kassabon", "Receipt number", "Booking reference", "Boekingsnummer")),
            Map.entry(CUSTOMER_ID, List.of("Klantnummer", "Klantnr", "Klant ID", "Klantcode", "Relatienummer",
                    "Relatie ID", "Customer ID", "Customer number", "Customer no", "Contact ID", "Account ID",
                    "Buyer ID", "Relatiecode", "Debiteurnummer", "Lidnummer", "Member ID", "Membership number",
                    "Pasnummer", "Museumkaartnummer")),
            Map.entry(ORDER_DATE, List.of("Besteldatum", "Orderdatum", "Datum bestelling", "Aankoopdatum",
                    "Verkoopdatum", "Transactiedatum", "Order date", "Purchase date", "Sale date", "Date ordered",
                    "Besteld op", "Verkocht op", "Datum aankoop", "Transaction date", "Bezoekdatum", "Datum bezoek",
                    "Visit date", "Created", "Created at", "Aangemaakt op", "Boekingsdatum", "Booking date")),
            Map.entry(EVENT_ID, List.of("Evenement ID", "Evenementcode", "Voorstelling ID", "Voorstellingnummer",
                    "Voorstellingsnummer", "Productiecode", "Event ID", "Event code", "Performance ID")),
            Map.entry(EVENT_NAME, List.of("Evenement", "Evenementnaam", "Naam evenement", "Voorstelling",
                    "Voorstellingsnaam", "Titel", "Productie", "Event", "Event name", "Event title", "Title",
                    "Show", "Performance", "Activiteit", "Tentoonstelling", "Expositie", "Exhibition", "Concert",
                    "Programma", "Titel voorstelling")),
            Map.entry(EVENT_DATE, List.of("Evenementdatum", "Datum evenement", "Datum voorstelling",
                    "Voorstellingsdatum", "Speeldatum", "Aanvang", "Event date", "Event start date",
                    "Performance date", "Show date", "Datum activiteit", "Event start", "Date attending",
                    "Speelmoment")),
            Map.entry(VENUE, List.of("Locatie", "Zaal", "Zaalnaam", "Podium", "Venue", "Venue name", "Location",
                    "Hall")),
            Map.entry(GENRE, List.of("Genre", "Categorie", "Discipline", "Category", "Genre code")),
            Map.entry(PRICE_TYPE, List.of("Prijstype", "Prijssoort", "Prijscategorie", "Tarief", "Tarieftype",
                    "Rang", "Ticket type", "Price type", "Price category", "Price code", "Ticketsoort", "Price tier",
                    "Kaartsoort", "Soort kaart", "Entreesoort", "Soort ticket", "Tickettype")),
            Map.entry(PRICE, List.of("Prijs", "Bedrag", "Totaalbedrag", "Ticketprijs", "Omzet", "Price", "Amount",
                    "Total paid", "Face value", "Ticket price", "Revenue", "Bedrag EUR", "Amount EUR", "Totaalprijs",
                    "Order total", "Bedrag incl btw", "Prijs incl btw", "Betaald", "Amount paid", "Totaal betaald",
                    "Gross", "Paid")),
            Map.entry(TICKET_COUNT, List.of("Aantal", "Aantal tickets", "Aantal kaarten", "Aantal kaartjes",
                    "Kaarten", "Tickets", "Stuks", "Quantity", "Qty", "Number of tickets", "Ticket count",
                    "No of tickets", "Aantal personen", "Personen", "Aantal bezoekers", "Bezoekers", "Visitors",
                    "Aantal stuks", "Aant")),
            Map.entry(SALES_CHANNEL, List.of("Verkoopkanaal", "Kanaal", "Verkooppunt", "Sales channel", "Channel",
                    "Order type", "Point of sale")),
            Map.entry(POSTCODE, List.of("Postcode", "PC", "Postcode klant", "Zip", "Zip code", "Zipcode",
                    "Postal code", "Postcode (PC6)", "Home zip", "Billing zip", "Post code", "PC4", "PC6",
                    "Postcode bezoeker", "Postcode (PC4)", "Zip/Postal code", "Postal")),
            Map.entry(COUNTRY, List.of("Land", "Landcode", "Country", "Country code", "Home country",
                    "Billing country", "Land van herkomst", "Woonland", "Country of residence"))));

    /**
     * Per system the headers that only that system writes, from the verified sources above: what recognising
     * a file as that system counts (every export has a "Postcode"; only Ticketmatic says "nbroftickets", only
     * pretix "Event slug", only Eventbrite "Attendee #"). Systems whose names are all assumed have none, so a
     * file is never taken for them by guesswork; the institution's profile or the user can still choose them.
     */
    static final Map<TicketingSystem, java.util.Set<String>> SIGNATURES = Map.of(
            TicketingSystem.TICKETMATIC, keys("orderid", "customerid", "createdts", "nbroftickets", "totalamount",
                    "saleschannelid", "pricetypeid", "tickettypename", "locationname", "startts", "countrycode"),
            TicketingSystem.PRETIX, keys("Event slug", "Order code", "Order total", "Order time", "Positions",
                    "Position ID", "Pseudonymization ID", "Order locale", "E-mail address verified",
                    "Payment providers", "Attendee email", "Invoice numbers", "Requires special attention"),
            TicketingSystem.EVENTBRITE, keys("Order #", "Attendee #", "Total Paid", "Fees Paid", "Eventbrite Fees",
                    "Eventbrite Payment Processing", "Attendee Status", "Home Zip", "Home Country", "Price Tier",
                    "Home Address 1", "Date Attending"));


    /**
     * Parts of a header that mark personal data. Matched anywhere in the key, after canonical headers
     * had their turn, so "Event name" is an event and "Naam" or "Klantnaam" is personal.
     */
    private static final List<String> PERSONAL_WORDS = List.of(
            "naam", "name", "voorletter", "initial", "tussenvoegsel", "aanhef", "salutation", "titulatuur",
            "mail", "telefoon", "phone", "mobiel", "mobile", "gsm", "fax",
            "straat", "street", "huisnummer", "housenumber", "huisnr", "toevoeging", "adres", "address",
            "geboorte", "birth", "iban", "rekeningnummer", "bsn");
    /** Short words that only mark personal data as the whole header. */
    private static final List<String> PERSONAL_KEYS = List.of("tel", "telnr", "dob");

    private HeaderVocabulary() {
    }

    /** {@code " Aantal  tickets "}, {@code "aantal_tickets"} and {@code "Aantal-Tickets"} all give {@code aantaltickets}. */
    static String key(String header) {
        if (header == null) {
            return "";
        }
        StringBuilder key = new StringBuilder(header.length());
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c < 0x80) {
                if (c >= 'A' && c <= 'Z') {
                    key.append((char) (c + ('a' - 'A')));
                } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                    key.append(c);
                } else if (c == '#') {
                    key.append("nr");
                }
            } else if (Latin.covers(c)) {
                key.append(Latin.of(c));
            } else {
                // beyond the Latin letters: the general rule for the rest (it is the same rule per character)
                return key.append(slowKey(header.substring(i))).toString();
            }
        }
        return key.toString(); // the common case, without Normalizer and regular expressions
    }

    /** The rule itself: accents off (NFD, marks removed), lower case, {@code #} as "nr", only letters and digits. */
    static String slowKey(String header) {
        String plain = Latin.MARKS.matcher(Normalizer.normalize(header, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT).replace("#", "nr");
        return Latin.NOT_KEY.matcher(plain).replaceAll("");
    }

    /**
     * Characters of Latin-1 and Latin Extended-A/B (U+0080-U+024F) and of General Punctuation and Currency
     * Symbols (U+2000-U+20CF: odd spaces, dashes, quotes, the euro sign) take their key from a table. The rule
     * works per character for them (NFD splits a letter into its base and marks, which the rule drops, and
     * never joins characters), so a cell's key is the keys of its characters in a row: {@code "é"} gives
     * {@code "e"}, {@code "€"} and {@code "ß"} nothing. {@code HeaderKeySpeedPathsTest} checks it against
     * {@link #slowKey} for every character in context.
     */
    private static final class Latin {
        static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");
        static final java.util.regex.Pattern NOT_KEY = java.util.regex.Pattern.compile("[^a-z0-9]");
        private static final String[] LETTERS = new String[0x250 - 0x80];
        private static final String[] SIGNS = new String[0x20D0 - 0x2000];

        static {
            for (char c = 0x80; c < 0x250; c++) {
                LETTERS[c - 0x80] = slowKey(String.valueOf(c));
            }
            for (char c = 0x2000; c < 0x20D0; c++) {
                SIGNS[c - 0x2000] = slowKey(String.valueOf(c));
            }
        }

        static boolean covers(char c) {
            return (c >= 0x80 && c < 0x250) || (c >= 0x2000 && c < 0x20D0);
        }

        /** The key of a character that {@link #covers}. */
        static String of(char c) {
            return c < 0x250 ? LETTERS[c - 0x80] : SIGNS[c - 0x2000];
        }
    }

    /**
     * {@code key(cell).equals(key)}, without building the key: this runs for every cell of every row (the
     * repeated-header check), and almost every cell differs from the header in its first letters.
     */
    static boolean hasKey(String cell, String key) {
        if (cell == null) {
            return key.isEmpty();
        }
        int k = 0;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c >= 0x80) {
                if (!Latin.covers(c)) {
                    String rest = slowKey(cell.substring(i));
                    return key.startsWith(rest, k) && k + rest.length() == key.length();
                }
                String part = Latin.of(c);
                if (!key.startsWith(part, k)) {
                    return false;
                }
                k += part.length();
                continue;
            }
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c == '#') {
                if (!key.startsWith("nr", k)) {
                    return false;
                }
                k += 2;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (k >= key.length() || key.charAt(k) != c) {
                    return false;
                }
                k++;
            }
        }
        return k == key.length();
    }

    /**
     * Whether {@code key(text)} starts with one of {@code prefixes} or equals one of {@code words}, reading
     * only as far as needed (the summary-row check runs on four cells of every row, and most cells differ from
     * every candidate in their first or second letter). At most 32 candidates, none empty.
     */
    static boolean keyStartsOrIs(String text, List<String> prefixes, List<String> words) {
        if (text == null) {
            text = "";
        }
        int candidates = prefixes.size() + words.size();
        if (candidates > 32) {
            throw new IllegalArgumentException(candidates + " candidates, at most 32");
        }
        if (prefixes.contains("") || words.contains("")) {
            throw new IllegalArgumentException("an empty candidate");
        }
        int alive = candidates == 32 ? -1 : (1 << candidates) - 1;
        int n = 0; // key characters seen
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String part;
            if (c < 0x80) {
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + ('a' - 'A'));
                    part = null; // the character in lower case
                } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                    part = null; // the character itself
                } else if (c == '#') {
                    part = "nr";
                } else {
                    continue;
                }
            } else if (Latin.covers(c)) {
                part = Latin.of(c);
            } else {
                return keyStartsOrIsSlow(key(text), prefixes, words);
            }
            int length = part == null ? 1 : part.length();
            for (int j = 0; j < length; j++) {
                char k = part == null ? c : part.charAt(j);
                for (int x = 0; x < candidates; x++) {
                    if ((alive & (1 << x)) == 0) {
                        continue;
                    }
                    String candidate = x < prefixes.size() ? prefixes.get(x) : words.get(x - prefixes.size());
                    if (n >= candidate.length() || candidate.charAt(n) != k) {
                        alive &= ~(1 << x); // a word is done once the key is longer; a prefix was taken before
                    }
                }
                n++;
                for (int x = 0; x < prefixes.size(); x++) {
                    if ((alive & (1 << x)) != 0 && prefixes.get(x).length() == n) {
                        return true;
                    }
                }
                if (alive == 0) {
                    return false;
                }
            }
        }
        for (int x = 0; x < candidates; x++) {
            String candidate = x < prefixes.size() ? prefixes.get(x) : words.get(x - prefixes.size());
            if ((alive & (1 << x)) != 0 && candidate.length() == n) {
                return true;
            }
        }
        return false;
    }

    private static boolean keyStartsOrIsSlow(String key, List<String> prefixes, List<String> words) {
        for (String prefix : prefixes) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return words.contains(key);
    }

    /**
     * Headers of a per-ticket or per-attendee number: not a field the portal keeps, but what tells two
     * otherwise identical lines (two tickets of one order) apart from a line exported twice.
     */
    private static final java.util.Set<String> ROW_IDS = java.util.Set.of(
            "attendeenr", "attendeeid", "attendeenumber", "ticketid", "ticketnr", "ticketnumber", "ticketnummer",
            "barcode", "ticketbarcode", "positionid", "orderpositionid", "tickettoken", "regelnummer", "ordertickettoken");

    static boolean isRowId(String header) {
        return ROW_IDS.contains(key(header));
    }

    /** Whether some system's preset names this header as a field. */
    static boolean isPresetName(String header) {
        String key = key(header);
        return PRESETS.values().stream().anyMatch(preset -> preset.containsKey(key));
    }

    /** A unit or tax note after a name: "Bedrag (EUR)", "Total Paid (USD)", "Prijs incl. btw". */
    private static final java.util.regex.Pattern UNIT_SUFFIX =
            java.util.regex.Pattern.compile("(incl|excl|inclusief|exclusief)?(btw|vat)?(eur|euro|euros|usd|gbp)?$");

    static Optional<CanonicalField> synonym(String header) {
        String key = key(header);
        CanonicalField field = SYNONYMS.get(key);
        if (field == null && key.length() > 3) {
            String bare = UNIT_SUFFIX.matcher(key).replaceFirst("");
            if (!bare.equals(key) && !bare.isEmpty()) {
                field = SYNONYMS.get(bare);
            }
        }
        return Optional.ofNullable(field);
    }

    static boolean isPersonal(String header) {
        String key = key(header);
        return PERSONAL_KEYS.contains(key) || PERSONAL_WORDS.stream().anyMatch(key::contains);
    }

    private static Map<String, CanonicalField> keyed(Map<String, CanonicalField> byHeader) {
        Map<String, CanonicalField> keyed = new HashMap<>();
        byHeader.forEach((header, field) -> keyed.put(key(header), field));
        return Map.copyOf(keyed);
    }

    private static java.util.Set<String> keys(String... headers) {
        return java.util.Arrays.stream(headers).map(HeaderVocabulary::key).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static Map<String, CanonicalField> synonyms(Map<CanonicalField, List<String>> byField) {
        Map<String, CanonicalField> keyed = new HashMap<>();
        byField.forEach((field, headers) -> headers.forEach(h -> {
            CanonicalField earlier = keyed.put(key(h), field);
            if (earlier != null && earlier != field) {
                throw new IllegalStateException("synonym " + h + " used for " + earlier + " and " + field);
            }
        }));
        return Map.copyOf(keyed);
    }
}
