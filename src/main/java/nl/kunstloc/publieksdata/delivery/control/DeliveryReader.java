package nl.kunstloc.publieksdata.delivery.control;

import static nl.kunstloc.publieksdata.delivery.entity.CanonicalField.*;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.kunstloc.publieksdata.delivery.entity.CanonicalField;
import nl.kunstloc.publieksdata.delivery.entity.ColumnMapping;
import nl.kunstloc.publieksdata.delivery.entity.DeliveryRow;
import nl.kunstloc.publieksdata.delivery.entity.MappingProposal;
import nl.kunstloc.publieksdata.delivery.entity.Preview;
import nl.kunstloc.publieksdata.delivery.entity.ProblemCode;
import nl.kunstloc.publieksdata.delivery.entity.RejectedRow;
import nl.kunstloc.publieksdata.delivery.entity.SkipReason;
import nl.kunstloc.publieksdata.institution.entity.TicketingSystem;
import nl.kunstloc.publieksdata.delivery.entity.ValidationReport;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.reference.control.Postcodes;
import nl.kunstloc.publieksdata.reference.entity.Municipality;
import nl.kunstloc.publieksdata.reference.entity.PostcodeReading;

/**
 * Reads a ticketing export (CSV or XLSX) in one pass: every order line is validated, reduced to
 * {@link DeliveryRow} and handed to a {@link RowSink}; the result is a {@link ValidationReport}.
 *
 * <p>Personal data: columns recognised as names, e-mail, phone, street, house number or date of birth
 * are never read into any object of this package (only mapped columns are picked from a row), the
 * customer id is replaced by its pseudonym at once, and the postcode is reduced to PC4 or country.
 */
public final class DeliveryReader {

    public static final int DEFAULT_PREVIEW_ROWS = 20;
    /** Above these a line is accepted but flagged: group bookings and VIP packages exist, typos too. */
    static final int OUTLIER_TICKETS = 50;
    static final BigDecimal OUTLIER_PRICE = new BigDecimal("1000");
    /** The header row must have at least this many filled cells; rows above it (a title) are ignored. */
    private static final int MIN_HEADER_CELLS = 2;
    /** Shown in the preview instead of a personal value chosen as the customer key. */
    public static final String PSEUDONYMISED = "\u2022\u2022\u2022";

    private final PostcodeDirectory directory;
    private final ReadLimits limits;

    public DeliveryReader(PostcodeDirectory directory) {
        this(directory, ReadLimits.DEFAULT);
    }

    /** @param limits what one row may hold at most (reader side: see {@link ReadLimits}) */
    public DeliveryReader(PostcodeDirectory directory, ReadLimits limits) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * The first {@code rows} rows below the header, with the detected dialect and proposed mapping, for the
     * user to check before importing. Only mapped columns show values (see {@link Preview}).
     */
    public Preview preview(InputStream in, String fileName, int rows, Optional<TicketingSystem> system)
            throws IOException {
        try (TableSource table = TableSource.open(in, fileName, limits)) {
            // the rows are sampled to recognise columns by their values; only mapped cells are shown
            List<List<String>> sampled = new ArrayList<>();
            List<String>[] headerCells = new List[1];
            table.forEachRow((line, cells) -> {
                if (headerCells[0] == null) {
                    if (filled(cells) >= MIN_HEADER_CELLS) {
                        headerCells[0] = new ArrayList<>(cells);
                    }
                    return true;
                }
                sampled.add(new ArrayList<>(cells));
                return sampled.size() < Math.max(rows, MappingDetector.SAMPLE_ROWS);
            });
            if (headerCells[0] == null) {
                throw new UnreadableExportException("delivery.upload.noHeader", "no header row found");
            }
            List<String> texts = Header.texts(headerCells[0]);
            Header header = Header.of(headerCells[0], MappingDetector.detect(texts, sampled, system));
            List<List<String>> shown = new ArrayList<>();
            for (List<String> cells : sampled) {
                if (shown.size() == rows) {
                    break;
                }
                if (filled(cells) > 0 && !header.repeatedIn(cells)) {
                    shown.add(header.visibleCells(cells));
                }
            }
            return new Preview(fileName, table.format(), table.dialect(), header.texts, header.proposal, shown);
        }
    }

    /**
     * Reads the whole export.
     *
     * @param system   the ticketing system, when the user chose one; otherwise recognised from the headers
     * @param mapping  the user's own mapping, replacing the detected one
     * @param sink     receives accepted and rejected rows while reading
     * @return the report; when required fields have no column no row is read and the report says which
     * @throws UnreadableExportException when the file is not a readable CSV or XLSX or has no header row
     * @throws IllegalArgumentException  when {@code mapping} maps a personal-data column or an absent header
     */
    public ValidationReport read(InputStream in, String fileName, Optional<TicketingSystem> system,
                                 Optional<ColumnMapping> mapping, Pseudonymiser pseudonymiser, RowSink sink)
            throws IOException {
        Objects.requireNonNull(pseudonymiser, "pseudonymiser");
        Objects.requireNonNull(sink, "sink");
        try (TableSource table = TableSource.open(in, fileName, limits)) {
            Pass pass = new Pass(system, mapping, pseudonymiser, sink);
            table.forEachRow(pass::row);
            pass.finish();
            if (pass.header == null) {
                throw new UnreadableExportException("delivery.upload.noHeader", "no header row found");
            }
            return pass.tally.report(fileName, table.format(), table.dialect(), pass.header.proposal);
        }
    }

    private static int filled(List<String> cells) {
        int n = 0;
        for (String cell : cells) {
            if (cell != null && !cell.isBlank()) {
                n++;
            }
        }
        return n;
    }

    /** The header row, and for each canonical field the index of its column (or -1). */
    private static final class Header {
        final List<String> texts;
        final List<String> keys;
        final MappingProposal proposal;
        final int[] column = new int[CanonicalField.values().length];
        final int nonBlank;
        /** An unmapped ticket or attendee number, only used to tell two identical lines apart; or -1. */
        final int rowIdColumn;
        /** The mapped fields, once: the mapping builds a new set on every call. */
        final Set<CanonicalField> fields;

        private Header(List<String> texts, MappingProposal proposal) {
            this.texts = texts;
            this.fields = proposal.mapping().fields();
            this.keys = texts.stream().map(HeaderVocabulary::key).toList();
            this.proposal = proposal;
            Arrays.fill(column, -1);
            proposal.mapping().byHeader().forEach((text, field) -> column[field.ordinal()] = texts.indexOf(text));
            this.nonBlank = (int) keys.stream().filter(k -> !k.isEmpty()).count();
            int rowId = -1;
            for (int i = 0; i < keys.size() && rowId < 0; i++) {
                if (HeaderVocabulary.isRowId(texts.get(i)) && proposal.mapping().fieldOf(texts.get(i)).isEmpty()) {
                    rowId = i;
                }
            }
            this.rowIdColumn = rowId;
        }

        boolean has(CanonicalField field) {
            return column[field.ordinal()] >= 0;
        }

        boolean hasEvent() {
            return has(EVENT_ID) || has(EVENT_NAME);
        }

        /**
         * Identical lines are duplicates (overlapping exports) only where a line has an identity: an order id
         * with a ticket count, or a ticket/attendee number. Without, two identical rows are two visitors.
         */
        boolean checksDuplicates() {
            return rowIdColumn >= 0 || (has(ORDER_ID) && has(TICKET_COUNT));
        }

        String cell(List<String> cells, int i) {
            return i < cells.size() && cells.get(i) != null ? cells.get(i).strip() : "";
        }

        static Header of(List<String> cells, MappingProposal proposal) {
            return new Header(texts(cells), proposal);
        }

        static List<String> texts(List<String> cells) {
            // a BOM that the encoding detection could not see (e.g. a BOM inside an XLSX string) stays out
            return cells.stream().map(c -> c == null ? "" : c.replace("\uFEFF", "").strip()).toList();
        }

        String value(List<String> cells, CanonicalField field) {
            int i = column[field.ordinal()];
            if (i < 0 || i >= cells.size() || cells.get(i) == null) {
                return "";
            }
            return cells.get(i).strip();
        }

        List<String> visibleCells(List<String> cells) {
            List<String> visible = new ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                boolean mapped = proposal.mapping().fieldOf(texts.get(i)).isPresent() && texts.indexOf(texts.get(i)) == i;
                boolean cell = mapped && i < cells.size() && cells.get(i) != null && !cells.get(i).isBlank();
                // an e-mail address chosen as the customer key is never shown, only that there is one
                visible.add(!cell ? "" : MappingDetector.isPersonal(texts.get(i)) ? PSEUDONYMISED : cells.get(i));
            }
            return visible;
        }

        /** Most of the header's names again: several exports pasted below each other. */
        boolean repeatedIn(List<String> cells) {
            int same = 0;
            for (int i = 0; i < Math.min(cells.size(), keys.size()); i++) {
                if (!keys.get(i).isEmpty() && HeaderVocabulary.hasKey(cells.get(i), keys.get(i))) {
                    same++;
                }
            }
            return same >= Math.max(MIN_HEADER_CELLS, nonBlank * 4 / 5);
        }

        boolean mapsBeyond(int size) {
            for (int i : column) {
                if (i >= size) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The state of one read: the header once found, the tally, duplicate detection. */
    private final class Pass {
        private final Optional<TicketingSystem> system;
        private final Optional<ColumnMapping> mapping;
        private final Pseudonymiser pseudonymiser;
        private final RowSink sink;
        private final ValidationTally tally = new ValidationTally();
        private final SeenLines seen = new SeenLines();
        private Header header;
        private List<String> headerCells;
        private long headerLine;
        private final List<Long> pendingLines = new ArrayList<>();
        private final List<List<String>> pending = new ArrayList<>();

        Pass(Optional<TicketingSystem> system, Optional<ColumnMapping> mapping, Pseudonymiser pseudonymiser,
             RowSink sink) {
            this.system = system;
            this.mapping = mapping;
            this.pseudonymiser = pseudonymiser;
            this.sink = sink;
        }

        boolean row(long line, List<String> cells) {
            if (header == null) {
                if (headerCells == null) {
                    if (filled(cells) >= MIN_HEADER_CELLS) {
                        if (mapping.isPresent()) {
                            header = headerOf(line, cells, List.of());
                            return header.proposal.complete();
                        }
                        headerCells = new ArrayList<>(cells);
                        headerLine = line;
                    }
                    return true;
                }
                // without the user's mapping the columns are recognised from the first rows' values too
                pendingLines.add(line);
                pending.add(new ArrayList<>(cells));
                return pending.size() < MappingDetector.SAMPLE_ROWS || settle();
            }
            return dataRow(line, cells);
        }

        /** The end of the file: a short file's rows were all sample. */
        void finish() {
            if (header == null && headerCells != null) {
                settle();
            }
        }

        private boolean settle() {
            header = headerOf(headerLine, headerCells, pending);
            if (!header.proposal.complete()) {
                pending.clear();
                return false;
            }
            for (int i = 0; i < pending.size(); i++) {
                dataRow(pendingLines.get(i), pending.get(i));
            }
            pending.clear();
            pendingLines.clear();
            return true;
        }

        private boolean dataRow(long line, List<String> cells) {
            tally.rowRead();
            if (filled(cells) == 0) {
                tally.skipped(SkipReason.BLANK_ROW, line);
            } else if (header.repeatedIn(cells)) {
                tally.skipped(SkipReason.REPEATED_HEADER, line);
            } else if (isSummary(cells)) {
                tally.skipped(SkipReason.SUMMARY_ROW, line);
            } else {
                orderLine(line, cells);
            }
            return true;
        }

        private Header headerOf(long line, List<String> cells, List<List<String>> samples) {
            List<String> texts = Header.texts(cells);
            MappingProposal proposal = mapping
                    .map(m -> MappingDetector.withMapping(texts, system.orElse(TicketingSystem.OTHER), m))
                    .orElseGet(() -> MappingDetector.detect(texts, samples, system));
            for (CanonicalField missing : proposal.missingRequired()) {
                tally.problem(ProblemCode.UNMAPPED_REQUIRED_COLUMN, line, missing.name());
            }
            return Header.of(cells, proposal);
        }

        /**
         * "Totaal", "Total", "Subtotaal" ... in a key column or the first cell, or a row with figures but
         * neither order nor customer: what spreadsheet users add below a list.
         */
        private boolean isSummary(List<String> cells) {
            if (summaryWord(cells.get(0)) || summaryWord(header.value(cells, ORDER_ID))
                    || summaryWord(header.value(cells, CUSTOMER_ID)) || summaryWord(header.value(cells, EVENT_NAME))) {
                return true;
            }
            // without order and customer columns every row is "figures without an order": that rule needs them
            return (header.has(ORDER_ID) || header.has(CUSTOMER_ID))
                    && header.value(cells, ORDER_ID).isEmpty() && header.value(cells, CUSTOMER_ID).isEmpty()
                    && (!header.value(cells, TICKET_COUNT).isEmpty() || !header.value(cells, PRICE).isEmpty());
        }

        /** Whether the cell's key starts with "tota", "subtota", "eindtota" or "grandtota" or is "som" or "sum". */
        private boolean summaryWord(String text) {
            return HeaderVocabulary.keyStartsOrIs(text, SUMMARY_PREFIXES, SUMMARY_WORDS);
        }

        private void orderLine(long line, List<String> cells) {
            Map<CanonicalField, String> values = new EnumMap<>(CanonicalField.class);
            for (CanonicalField field : header.fields) {
                values.put(field, header.value(cells, field));
            }
            List<ProblemCode> problems = new ArrayList<>();

            boolean extraCells = cells.size() > header.texts.size()
                    && filled(cells.subList(header.texts.size(), cells.size())) > 0;
            if (extraCells || header.mapsBeyond(cells.size())) {
                note(problems, ProblemCode.UNREADABLE_ROW, line,
                        cells.size() + " / " + header.texts.size());
                reject(line, problems, values);
                return;
            }

            String overlong = DeliveryRowStore.overlong(values);
            if (overlong != null) {
                note(problems, ProblemCode.UNREADABLE_ROW, line, overlong);
                reject(line, problems, values);
                return;
            }

            // a column that is there must be filled; a column that is absent has its rule (see absentOptional)
            List<String> missing = new ArrayList<>();
            for (CanonicalField f : List.of(ORDER_ID, CUSTOMER_ID)) {
                if (header.has(f) && values.get(f).isEmpty()) {
                    missing.add(f.name());
                }
            }
            if (header.hasEvent() && values.getOrDefault(EVENT_ID, "").isEmpty()
                    && values.getOrDefault(EVENT_NAME, "").isEmpty()) {
                missing.add(EVENT_NAME.name());
            }
            if (!missing.isEmpty()) {
                note(problems, ProblemCode.MISSING_VALUE, line, String.join(", ", missing));
            }

            Optional<LocalDate> orderDate = Dates.parse(values.get(ORDER_DATE));
            String eventDateText = values.getOrDefault(EVENT_DATE, "");
            Optional<LocalDate> eventDate = Dates.parse(eventDateText);
            if (orderDate.isEmpty()) {
                note(problems, ProblemCode.INVALID_DATE, line, values.get(ORDER_DATE));
            } else if (!eventDateText.isEmpty() && eventDate.isEmpty()) {
                note(problems, ProblemCode.INVALID_DATE, line, eventDateText);
            }

            int tickets = 1; // no ticket count: one row is one ticket (per-attendee reports)
            if (header.has(TICKET_COUNT)) {
                Optional<Integer> count = Amounts.parseWhole(values.get(TICKET_COUNT));
                if (count.isEmpty()) {
                    note(problems, ProblemCode.INVALID_TICKET_COUNT, line, values.get(TICKET_COUNT));
                } else {
                    tickets = count.get();
                }
            }

            String priceText = values.getOrDefault(PRICE, "");
            Optional<BigDecimal> price = Amounts.parse(priceText);
            if (!priceText.isEmpty() && price.isEmpty()) {
                note(problems, ProblemCode.INVALID_PRICE, line, priceText);
            }

            PostcodeReading postcode = Postcodes.read(values.getOrDefault(POSTCODE, ""), values.getOrDefault(COUNTRY, ""));
            boolean nonDutch = false;
            switch (postcode.kind()) {
                case MISSING -> {
                    if (header.has(POSTCODE)) {
                        note(problems, ProblemCode.MISSING_POSTCODE, line, "");
                    }
                }
                case INVALID -> note(problems, ProblemCode.INVALID_POSTCODE, line, Postcodes.normalise(values.get(POSTCODE)));
                case FOREIGN -> {
                    if (header.has(COUNTRY)) {
                        note(problems, ProblemCode.FOREIGN_POSTCODE, line, postcode.country());
                    } else {
                        // no country column: say so with the line, rather than count a "foreign, country unknown"
                        nonDutch = true;
                        note(problems, ProblemCode.NON_DUTCH_POSTCODE, line, Postcodes.normalise(values.get(POSTCODE)));
                    }
                }
                case DUTCH -> { }
            }

            if (anyRejects(problems)) {
                reject(line, problems, values);
                return;
            }
            if (header.checksDuplicates()) {
                // only complete lines count for duplicates: a broken line is no proof the next one repeats it
                // the fingerprint of the values joined by U+001F (and the row id after them), hashed in place
                long key = SeenLines.fingerprint(values.values(),
                        header.rowIdColumn >= 0 ? header.cell(cells, header.rowIdColumn) : null);
                if (!seen.add(key)) {
                    note(problems, ProblemCode.DUPLICATE_ORDER_LINE, line, values.get(ORDER_ID));
                    reject(line, problems, values);
                    return;
                }
            }

            // refunds and zero-ticket lines are data, not errors: kept, flagged, and left out of the figures
            if (tickets < 0 || price.map(p -> p.signum() < 0).orElse(false)) {
                note(problems, ProblemCode.REFUND, line, (header.has(TICKET_COUNT) ? values.get(TICKET_COUNT) : "")
                        + (priceText.isEmpty() ? "" : " / " + priceText));
                tickets = -Math.abs(tickets);
            } else if (tickets == 0) {
                note(problems, ProblemCode.ZERO_TICKETS, line, values.get(TICKET_COUNT));
            }

            boolean outlier = false;
            if (tickets > OUTLIER_TICKETS) {
                note(problems, ProblemCode.OUTLIER, line, TICKET_COUNT.name() + " " + tickets);
                outlier = true;
            } else if (price.isPresent() && price.get().compareTo(OUTLIER_PRICE) > 0) {
                note(problems, ProblemCode.OUTLIER, line, PRICE.name() + " " + price.get().toPlainString());
                outlier = true;
            }

            String municipalityCode = postcode.pc4() == null ? null
                    : directory.municipalityOfPc4(postcode.pc4()).map(Municipality::code).orElse(null);
            // an unplaceable postcode is accepted, not placed: it counts for tickets and customers, not the map
            String country = postcode.country() != null ? postcode.country() : "NL";
            String orderId = header.has(ORDER_ID) ? values.get(ORDER_ID) : Long.toString(line);
            String customer = header.has(CUSTOMER_ID) ? pseudonymiser.pseudonym(values.get(CUSTOMER_ID)) : null;
            String eventName = header.hasEvent() ? blankToNull(values.get(EVENT_NAME)) : CanonicalField.ALL_EVENTS;
            sink.accept(new DeliveryRow(line, orderId, customer,
                    orderDate.get(), blankToNull(values.get(EVENT_ID)), eventName,
                    eventDate.orElse(null), blankToNull(values.get(VENUE)), blankToNull(values.get(GENRE)),
                    blankToNull(values.get(PRICE_TYPE)), price.orElse(null), tickets,
                    blankToNull(values.get(SALES_CHANNEL)), postcode.pc4(), municipalityCode, country,
                    outlier));
            tally.accepted(postcode.kind() == PostcodeReading.Kind.DUTCH,
                    postcode.kind() == PostcodeReading.Kind.FOREIGN && !nonDutch, nonDutch, municipalityCode != null);
        }

        /** Whether one of the problems rejects the row (a loop: this runs for every row). */
        private boolean anyRejects(List<ProblemCode> problems) {
            for (int i = 0; i < problems.size(); i++) {
                if (problems.get(i).rejectsRow()) {
                    return true;
                }
            }
            return false;
        }

        private void note(List<ProblemCode> problems, ProblemCode code, long line, String value) {
            problems.add(code);
            tally.problem(code, line, value);
        }

        /** The customer id stays behind, and a valid postcode goes back only as its PC4. */
        private void reject(long line, List<ProblemCode> problems, Map<CanonicalField, String> values) {
            Map<CanonicalField, String> kept = new EnumMap<>(values);
            kept.remove(CUSTOMER_ID);
            kept.computeIfPresent(POSTCODE, (f, pc) -> Postcodes.pc4(pc).orElse(pc));
            List<ProblemCode> ordered = new ArrayList<>(problems);
            ordered.sort((a, b) -> Boolean.compare(b.rejectsRow(), a.rejectsRow()));
            tally.rejected();
            sink.reject(new RejectedRow(line, ordered, kept));
        }
    }

    private static final List<String> SUMMARY_PREFIXES = List.of("tota", "subtota", "eindtota", "grandtota");
    private static final List<String> SUMMARY_WORDS = List.of("som", "sum");

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
