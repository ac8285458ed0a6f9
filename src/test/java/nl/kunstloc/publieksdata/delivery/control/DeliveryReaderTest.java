package nl.kunstloc.publieksdata.delivery.control;

import static nl.kunstloc.publieksdata.delivery.entity.ProblemCode.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.kunstloc.publieksdata.delivery.entity.CanonicalField;
import nl.kunstloc.publieksdata.delivery.entity.DeliveryRow;
import nl.kunstloc.publieksdata.delivery.entity.Preview;
import nl.kunstloc.publieksdata.delivery.entity.ProblemSummary;
import nl.kunstloc.publieksdata.delivery.entity.RejectedRow;
import nl.kunstloc.publieksdata.delivery.entity.SkipReason;
import nl.kunstloc.publieksdata.institution.entity.TicketingSystem;
import nl.kunstloc.publieksdata.delivery.entity.ValidationReport;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import org.junit.jupiter.api.Test;

class DeliveryReaderTest {

    static final PostcodeDirectory DIRECTORY = PostcodeDirectory.load();
    final DeliveryReader reader = new DeliveryReader(DIRECTORY);
    final Pseudonymiser pseudonymiser = Pseudonymiser.forInstitution(PseudonymiserTest.SECRET, "theatre-1");
    final List<DeliveryRow> accepted = new ArrayList<>();
    final List<RejectedRow> rejected = new ArrayList<>();
    final RowSink sink = RowSink.of(accepted::add, rejected::add);

    /** Values from the personal-data columns of the corpus; none may come out of the reader. */
    static final List<String> PERSONAL_VALUES = List.of("Verhoeven", "anna.verhoeven@example.nl", "06-12345678",
            "Stationsstraat", "14-02-1975", "Joëlle", "Müller", "Hauptstraße", "Jansen, Piet", "piet@example.nl",
            "Markt 7", "Ringbaan 1", "john@example.com", "Smith", "1980-01-01", "Parklaan", "ann@example.com",
            "Zoë Hëlder", "0612345678", "René");

    ValidationReport read(String file) throws IOException {
        try (InputStream in = corpus(file)) {
            return reader.read(in, file, Optional.empty(), Optional.empty(), pseudonymiser, sink);
        }
    }

    static InputStream corpus(String file) {
        return DeliveryReaderTest.class.getResourceAsStream("/exports/" + file);
    }

    @Test
    void readsATicketmaticExportInWindows1252WithSemicolonsAndSummaryRows() throws IOException {
        ValidationReport report = read("ticketmatic_semicolon_cp1252_crlf.csv");

        // its headers are plain Dutch/English names (assumed for this system): no proof of the system, so OTHER (issue 12)
        assertThat(report.proposal().system()).isEqualTo(TicketingSystem.OTHER);
        assertThat(report.dialect()).hasValueSatisfying(d -> {
            assertThat(d.delimiter()).isEqualTo(';');
            assertThat(d.charset().name()).isEqualTo("windows-1252");
            assertThat(d.lineEnding()).isEqualTo("CRLF");
            assertThat(d.byteOrderMark()).isFalse();
        });
        assertThat(report.rowsRead()).isEqualTo(14);
        // a zero-ticket line, a missing and an unplaceable postcode are accepted (not placed); a bad date is not
        assertThat(report.accepted()).isEqualTo(11);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.skipped()).isEqualTo(2);
        assertThat(report.reconciles()).isTrue();
        assertThat(report.skippedRows().get(SkipReason.SUMMARY_ROW).lines()).containsExactly(14L, 15L);

        assertThat(examples(report, INVALID_DATE)).containsExactly(new ProblemSummary.Example(9, "31-02-2024"));
        assertThat(examples(report, ZERO_TICKETS)).containsExactly(new ProblemSummary.Example(10, "0"));
        assertThat(examples(report, MISSING_POSTCODE)).extracting(ProblemSummary.Example::line).containsExactly(11L);
        assertThat(examples(report, INVALID_POSTCODE)).containsExactly(new ProblemSummary.Example(12, "5038SA"));
        assertThat(examples(report, FOREIGN_POSTCODE)).extracting(ProblemSummary.Example::value).containsExactly("BE", "DE");
        assertThat(examples(report, OUTLIER)).containsExactly(new ProblemSummary.Example(4, "TICKET_COUNT 60"));
        assertThat(examples(report, INVALID_PRICE)).containsExactly(new ProblemSummary.Example(13, "gratis"));
        assertThat(report.problem(INVALID_DATE).orElseThrow().share()).isEqualTo(1.0 / 12);
        assertThat(report.problem(INVALID_DATE).orElseThrow().adviceKey()).isEqualTo("delivery.problem.INVALID_DATE.advice");

        // 7 of 11 accepted rows lie in a Dutch PC4 (6 in Brabant, the zero-ticket line in 's-Hertogenbosch too), 2 abroad, 2 could not be placed
        assertThat(report.placedDutch()).isEqualTo(7);
        assertThat(report.placedBrabant()).isEqualTo(6);
        assertThat(report.foreign()).isEqualTo(2);
        assertThat(report.matchRate()).isEqualTo(7.0 / 11);
        assertThat(accepted).filteredOn(r -> r.line() == 12).singleElement()
                .satisfies(r -> assertThat(r.pc4()).isNull()).satisfies(r -> assertThat(r.country()).isEqualTo("NL"));

        DeliveryRow first = accepted.get(0);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.eventName()).isEqualTo("Café Chantant");
        assertThat(first.price()).isEqualByComparingTo("24.50");
        assertThat(first.orderDate()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(first.eventDate()).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(first.pc4()).isEqualTo("5038");
        assertThat(first.municipalityCode()).isEqualTo("GM0855");
        assertThat(first.country()).isEqualTo("NL");

        DeliveryRow belgian = accepted.stream().filter(r -> r.orderId().equals("T1004")).findFirst().orElseThrow();
        assertThat(belgian.pc4()).isNull();
        assertThat(belgian.municipalityCode()).isNull();
        assertThat(belgian.country()).isEqualTo("BE");

        DeliveryRow amsterdam = accepted.stream().filter(r -> r.orderId().equals("T1007")).findFirst().orElseThrow();
        assertThat(amsterdam.pc4()).isEqualTo("1012");
        assertThat(amsterdam.municipalityCode()).isNull();

        DeliveryRow group = accepted.stream().filter(r -> r.orderId().equals("T1003")).findFirst().orElseThrow();
        assertThat(group.outlier()).isTrue();
        assertThat(group.price()).isEqualByComparingTo(new BigDecimal("1234.50"));

        // the returning customer C001 (rows 2 and 7) has one pseudonym
        assertThat(accepted.get(0).customerPseudonym())
                .isEqualTo(accepted.stream().filter(r -> r.orderId().equals("T1006")).findFirst().orElseThrow().customerPseudonym())
                .isEqualTo(pseudonymiser.pseudonym("C001"));

        assertThat(rejected).extracting(RejectedRow::line).containsExactly(9L);
        assertThat(rejected.get(0).problems()).containsExactly(INVALID_DATE);
        assertNoPersonalData(report);
    }

    @Test
    void readsAnActiveTicketsExportWithBomQuotedNewlinesAndTwoExportsPastedTogether() throws IOException {
        ValidationReport report = read("active_tickets_bom_comma_multiline.csv");

        // its headers are plain Dutch/English names (assumed for this system): no proof of the system, so OTHER (issue 12)
        assertThat(report.proposal().system()).isEqualTo(TicketingSystem.OTHER);
        assertThat(report.dialect()).hasValueSatisfying(d -> {
            assertThat(d.delimiter()).isEqualTo(',');
            assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(d.byteOrderMark()).isTrue();
            assertThat(d.lineEnding()).isEqualTo("LF");
        });
        assertThat(report.proposal().personalColumns()).containsExactly("Naam", "Emailadres", "Adres");
        assertThat(report.rowsRead()).isEqualTo(12);
        assertThat(report.accepted()).isEqualTo(6);
        assertThat(report.rejected()).isEqualTo(4);
        assertThat(report.skipped(SkipReason.BLANK_ROW)).isEqualTo(1);
        // physical lines, as an editor shows them: the quoted cells with newlines push later rows down
        assertThat(report.skippedRows().get(SkipReason.REPEATED_HEADER).lines()).containsExactly(12L);
        assertThat(report.reconciles()).isTrue();

        assertThat(examples(report, UNREADABLE_ROW)).containsExactly(new ProblemSummary.Example(8, "17 / 15"));
        assertThat(examples(report, DUPLICATE_ORDER_LINE)).containsExactly(new ProblemSummary.Example(13, "A-4"));
        assertThat(examples(report, INVALID_DATE)).containsExactly(new ProblemSummary.Example(16, "2024-13-45"));
        assertThat(examples(report, MISSING_VALUE)).containsExactly(new ProblemSummary.Example(18, "CUSTOMER_ID"));

        assertThat(accepted).extracting(DeliveryRow::eventName)
                .contains("Dans, muziek en meer", "Het lied\nvan de zee");
        assertThat(accepted.get(0).price()).isEqualByComparingTo("17.50");
        assertThat(accepted).filteredOn(r -> r.orderId().equals("A-7")).extracting(DeliveryRow::municipalityCode)
                .containsExactly("GM0823");
        // a formula typed into the price cell is not a price, and does not travel on
        assertThat(accepted).filteredOn(r -> r.orderId().equals("A-6")).extracting(DeliveryRow::price).containsOnlyNulls();
        assertThat(report.count(INVALID_PRICE)).isEqualTo(1);
        assertNoPersonalData(report);
    }

    @Test
    void readsASeeTicketsExportWithTabsIsoDatesAndEnglishNumbers() throws IOException {
        ValidationReport report = read("see_tickets_tab.tsv");

        // its headers are plain Dutch/English names (assumed for this system): no proof of the system, so OTHER (issue 12)
        assertThat(report.proposal().system()).isEqualTo(TicketingSystem.OTHER);
        assertThat(report.dialect().orElseThrow().delimiterName()).isEqualTo("TAB");
        // a refund (-2 tickets) is data: accepted, flagged, kept with its negative count
        assertThat(report.accepted()).isEqualTo(5);
        assertThat(report.rejected()).isZero();
        assertThat(examples(report, REFUND)).extracting(ProblemSummary.Example::line).containsExactly(6L);
        assertThat(accepted).filteredOn(r -> r.line() == 6).singleElement().satisfies(r -> assertThat(r.ticketCount()).isEqualTo(-2));
        assertThat(accepted.get(0).eventDate()).isEqualTo(LocalDate.of(2024, 6, 21));
        // Excel turned 000123 into 123 somewhere along the way: still one customer
        assertThat(accepted.get(0).customerPseudonym()).isEqualTo(accepted.get(1).customerPseudonym());
        DeliveryRow british = accepted.get(2);
        assertThat(british.country()).isEqualTo("GB");
        assertThat(british.price()).isEqualByComparingTo("1234.50");
        assertThat(british.outlier()).isTrue();
        assertThat(examples(report, OUTLIER)).containsExactly(new ProblemSummary.Example(4, "PRICE 1234.50"));
        assertNoPersonalData(report);
    }

    @Test
    void findsTheHeaderBelowATitleLineInAPipeSeparatedEventbriteExport() throws IOException {
        ValidationReport report = read("eventbrite_pipe.csv");

        assertThat(report.proposal().system()).isEqualTo(TicketingSystem.EVENTBRITE);
        assertThat(report.dialect().orElseThrow().delimiter()).isEqualTo('|');
        assertThat(report.proposal().personalColumns()).containsExactly("First Name", "Last Name", "Email", "Home Address 1");
        assertThat(report.accepted()).isEqualTo(3);
        assertThat(accepted).extracting(DeliveryRow::line).containsExactly(3L, 4L, 5L);
        assertThat(accepted).extracting(DeliveryRow::salesChannel).containsOnly("Eventbrite Completed");
        assertThat(report.count(OUTLIER)).isEqualTo(1);
        assertNoPersonalData(report);
    }

    @Test
    void readsNothingWhenARequiredColumnIsMissingAndSaysWhich() throws IOException {
        ValidationReport report = read("home_grown_no_postcode.csv");

        assertThat(report.dialect().orElseThrow().delimiter()).isEqualTo(';');
        assertThat(report.mappingIncomplete()).isTrue();
        assertThat(report.proposal().missingRequired()).containsExactly(CanonicalField.POSTCODE);
        assertThat(examples(report, UNMAPPED_REQUIRED_COLUMN)).containsExactly(new ProblemSummary.Example(2, "POSTCODE"));
        assertThat(report.rowsRead()).isZero();
        assertThat(report.reconciles()).isTrue();
        assertThat(accepted).isEmpty();
    }

    @Test
    void detectsLatin1WithoutBomAndReadsAccentsRight() throws IOException {
        ValidationReport report = read("generic_latin1.csv");

        assertThat(report.dialect().orElseThrow().charset().name()).isEqualTo("windows-1252");
        assertThat(report.proposal().system()).isEqualTo(TicketingSystem.OTHER);
        assertThat(report.proposal().personalColumns()).containsExactly("Customer name", "Phone");
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(accepted).extracting(DeliveryRow::eventName).containsOnly("Crème brûlée");
        assertThat(accepted).extracting(DeliveryRow::pc4).containsExactly("5038", "5611");
        assertNoPersonalData(report);
    }

    @Test
    void aUserMappingReplacesTheDetectedOne() throws IOException {
        String csv = "Nr;Klant;Wanneer;Wat;Hoeveel;Waar\n1;K1;01-02-2024;Concert;2;5038AB\n";
        ValidationReport report = reader.read(stream(csv), "x.csv", Optional.empty(), Optional.of(
                nl.kunstloc.publieksdata.delivery.entity.ColumnMapping.of(java.util.Map.of("Nr", CanonicalField.ORDER_ID,
                        "Klant", CanonicalField.CUSTOMER_ID, "Wanneer", CanonicalField.ORDER_DATE,
                        "Wat", CanonicalField.EVENT_NAME, "Hoeveel", CanonicalField.TICKET_COUNT,
                        "Waar", CanonicalField.POSTCODE))), pseudonymiser, sink);
        assertThat(report.accepted()).isEqualTo(1);
        assertThat(accepted.get(0).municipalityCode()).isEqualTo("GM0855");
    }

    @Test
    void previewShowsOnlyMappedColumnsAndTheDialect() throws IOException {
        Preview preview;
        try (InputStream in = corpus("ticketmatic_semicolon_cp1252_crlf.csv")) {
            preview = reader.preview(in, "export.csv", 3, Optional.empty());
        }
        assertThat(preview.dialect().orElseThrow().delimiter()).isEqualTo(';');
        assertThat(preview.headers()).startsWith("Bestelling ID", "Klant ID", "Voornaam");
        assertThat(preview.rows()).hasSize(3);
        assertThat(preview.rows().get(0)).startsWith("T1001", "C001", "", "", "", "");
        assertThat(preview.rows().get(0)).contains("Café Chantant", "5038 AB");
        assertThat(preview.proposal().personalColumns()).hasSize(7);
        assertThat(preview.toString()).doesNotContain("Verhoeven", "anna.verhoeven@example.nl", "06-12345678");
    }

    @Test
    void rejectedRowsCarryNoCustomerIdAndOnlyThePc4() throws IOException {
        read("active_tickets_bom_comma_multiline.csv");
        RejectedRow duplicate = rejected.stream().filter(r -> r.line() == 13).findFirst().orElseThrow();
        assertThat(duplicate.values()).doesNotContainKey(CanonicalField.CUSTOMER_ID)
                .containsEntry(CanonicalField.POSTCODE, "3511");
        assertThat(duplicate.toString()).doesNotContain("R103");
    }

    @Test
    void writesTheRejectedRowsForTheInstitution() throws IOException {
        StringWriter out = new StringWriter();
        try (InputStream in = corpus("ticketmatic_semicolon_cp1252_crlf.csv");
             RejectedRowsCsv csv = new RejectedRowsCsv(out)) {
            reader.read(in, "t.csv", Optional.empty(), Optional.empty(), pseudonymiser, sink.withRejectsTo(csv));
        }
        String text = out.toString();
        assertThat(text).startsWith("\uFEFFline;problems;ORDER_ID;ORDER_DATE;");
        assertThat(text.lines()).hasSize(2);
        assertThat(text).contains("9;INVALID_DATE;T1008;31-02-2024").doesNotContain("C007", "Bakker");
        assertThat(rejected).hasSize(1);
    }

    @Test
    void aFileWithOnlyADateAndAPostcodeIsReadWithTheRuleForEachAbsentColumn() throws IOException {
        ValidationReport report = reader.read(stream("""
                Besteldatum;Postcode
                01-03-2024;5038 AB
                01-03-2024;5038 AB
                02-03-2024;
                """), "kassa.csv", Optional.empty(), Optional.empty(), pseudonymiser, sink);

        assertThat(report.mappingIncomplete()).isFalse();
        assertThat(report.proposal().absentOptional()).containsExactlyInAnyOrder(CanonicalField.ORDER_ID,
                CanonicalField.CUSTOMER_ID, CanonicalField.EVENT_NAME, CanonicalField.TICKET_COUNT);
        // two identical visits are two visitors, not a duplicate: without an order id a line has no identity
        assertThat(report.accepted()).isEqualTo(3);
        assertThat(report.count(DUPLICATE_ORDER_LINE)).isZero();
        assertThat(accepted).extracting(DeliveryRow::orderId).containsExactly("2", "3", "4");
        assertThat(accepted).extracting(DeliveryRow::customerPseudonym).containsOnlyNulls();
        assertThat(accepted).extracting(DeliveryRow::eventName).containsOnly(CanonicalField.ALL_EVENTS);
        assertThat(accepted).extracting(DeliveryRow::ticketCount).containsOnly(1);
        // the empty postcode: accepted, not placed
        assertThat(report.placedDutch()).isEqualTo(2);
        assertThat(report.matchRate()).isEqualTo(2.0 / 3);
        assertThat(examples(report, MISSING_POSTCODE)).extracting(ProblemSummary.Example::line).containsExactly(4L);
    }

    @Test
    void aCountryColumnAloneIsEnoughAndAForeignPostcodeWithoutOneIsReported() throws IOException {
        ValidationReport withCountry = reader.read(stream("Order date,Country\n2024-05-01,Netherlands\n2024-05-01,Belgium\n"),
                "c.csv", Optional.empty(), Optional.empty(), pseudonymiser, sink);
        assertThat(withCountry.accepted()).isEqualTo(2);
        assertThat(withCountry.foreign()).isEqualTo(1);
        assertThat(withCountry.placedDutch()).isZero();

        accepted.clear();
        ValidationReport noCountry = reader.read(stream("Order date,Zip\n2024-05-01,5038 AB\n2024-05-01,52062\n2024-05-02,B-2000\n"),
                "z.csv", Optional.empty(), Optional.empty(), pseudonymiser, sink);
        assertThat(noCountry.accepted()).isEqualTo(3);
        assertThat(examples(noCountry, NON_DUTCH_POSTCODE)).extracting(ProblemSummary.Example::line).containsExactly(3L, 4L);
        assertThat(noCountry.count(FOREIGN_POSTCODE)).isZero();
        assertThat(noCountry.matchRate()).isEqualTo(1.0 / 3);
    }

    @Test
    void anEmailChosenAsTheCustomerKeyIsPseudonymisedAndNeverComesOutInClear() throws IOException {
        String csv = """
                Order #;Order Date;Email;Quantity;Home Zip;Attendee #
                A1;2024-05-01;anna@example.nl;1;5038 AB;1
                A1;2024-05-01;piet@example.nl;1;5038 AB;2
                A2;31-02-2024;anna@example.nl;1;5038 AB;3
                A3;2024-05-02;;1;5038 AB;4
                A4;2024-05-02;kees@example.nl;twee;5038 AB;5
                A1;2024-05-01;piet@example.nl;1;5038 AB;2
                """;
        StringWriter out = new StringWriter();
        ValidationReport report;
        try (RejectedRowsCsv rejects = new RejectedRowsCsv(out)) {
            report = reader.read(stream(csv), "a.csv", Optional.empty(), Optional.of(
                    nl.kunstloc.publieksdata.delivery.entity.ColumnMapping.of(java.util.Map.of("Order #", CanonicalField.ORDER_ID,
                            "Order Date", CanonicalField.ORDER_DATE, "Email", CanonicalField.CUSTOMER_ID,
                            "Quantity", CanonicalField.TICKET_COUNT, "Home Zip", CanonicalField.POSTCODE))),
                    pseudonymiser, sink.withRejectsTo(rejects));
        }
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(accepted.get(0).customerPseudonym()).isEqualTo(pseudonymiser.pseudonym("anna@example.nl"));
        // a bad date, an empty key, an unreadable count, a line exported twice: all reported by line
        assertThat(rejected).extracting(RejectedRow::line).containsExactly(4L, 5L, 6L, 7L);
        String everything = out + " " + report + " " + rejected + " " + accepted;
        assertThat(everything).doesNotContain("@", "anna", "piet", "kees");
    }

    @Test
    void refusesFilesItCannotRead() {
        assertThatThrownBy(() -> reader.read(stream(""), "empty.csv", Optional.empty(), Optional.empty(), pseudonymiser, sink))
                .isInstanceOf(UnreadableExportException.class)
                .extracting(e -> ((UnreadableExportException) e).messageKey()).isEqualTo("delivery.upload.empty");
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}),
                "old.xls", Optional.empty(), Optional.empty(), pseudonymiser, sink))
                .extracting(e -> ((UnreadableExportException) e).messageKey()).isEqualTo("delivery.upload.xlsUnsupported");
        assertThatThrownBy(() -> reader.read(stream("just one column\nno header\n"), "x.csv", Optional.empty(),
                Optional.empty(), pseudonymiser, sink))
                .extracting(e -> ((UnreadableExportException) e).messageKey()).isEqualTo("delivery.upload.noHeader");
    }

    private List<ProblemSummary.Example> examples(ValidationReport report, nl.kunstloc.publieksdata.delivery.entity.ProblemCode code) {
        return report.problem(code).orElseThrow(() -> new AssertionError("no " + code + " in " + report.problems()))
                .examples();
    }

    private void assertNoPersonalData(ValidationReport report) {
        String everything = accepted + " " + rejected + " " + report;
        assertThat(everything).doesNotContain(PERSONAL_VALUES);
        for (String value : PERSONAL_VALUES) {
            assertThat(everything).as("personal value %s", value).doesNotContain(value);
        }
    }

    static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
