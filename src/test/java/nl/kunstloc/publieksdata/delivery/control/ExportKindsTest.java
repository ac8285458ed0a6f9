package nl.kunstloc.publieksdata.delivery.control;

import static nl.kunstloc.publieksdata.delivery.entity.CanonicalField.*;
import static nl.kunstloc.publieksdata.delivery.entity.ProblemCode.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.kunstloc.publieksdata.delivery.entity.CanonicalField;
import nl.kunstloc.publieksdata.delivery.entity.ColumnReason;
import nl.kunstloc.publieksdata.delivery.entity.DeliveryRow;
import nl.kunstloc.publieksdata.delivery.entity.Preview;
import nl.kunstloc.publieksdata.delivery.entity.ProblemCode;
import nl.kunstloc.publieksdata.delivery.entity.ProblemSummary;
import nl.kunstloc.publieksdata.delivery.entity.RejectedRow;
import nl.kunstloc.publieksdata.delivery.entity.SkipReason;
import nl.kunstloc.publieksdata.delivery.entity.ValidationReport;
import nl.kunstloc.publieksdata.institution.entity.TicketingSystem;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One export per kind an institution really has, written from each system's public field names (see
 * {@code HeaderVocabulary} for the sources) in {@code src/test/resources/exports/kinds/}, read through the real
 * reader without any mapping from the user: what the user would see — recognised system, rows accepted and
 * placed, problems with their (physical) line numbers, and that no personal value comes out.
 */
class ExportKindsTest {

    final DeliveryReader reader = new DeliveryReader(PostcodeDirectory.load());
    final Pseudonymiser pseudonymiser = Pseudonymiser.forInstitution(PseudonymiserTest.SECRET, "kinds-1");
    final List<DeliveryRow> accepted = new ArrayList<>();
    final List<RejectedRow> rejected = new ArrayList<>();

    @TempDir
    Path dir;

    ValidationReport read(String file) throws IOException {
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/exports/kinds/" + file), file)) {
            return reader.read(in, file, Optional.empty(), Optional.empty(), pseudonymiser,
                    RowSink.of(accepted::add, rejected::add));
        }
    }

    Preview preview(String file) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/exports/kinds/" + file)) {
            return reader.preview(in, file, 20, Optional.empty());
        }
    }

    static List<Long> lines(ValidationReport report, ProblemCode code) {
        return report.problem(code).map(p -> p.examples().stream().map(ProblemSummary.Example::line).toList())
                .orElse(List.of());
    }

    DeliveryRow line(long line) {
        return accepted.stream().filter(r -> r.line() == line).findFirst().orElseThrow(() -> new AssertionError("no row " + line));
    }

    void noneOf(ValidationReport report, String... personal) {
        String everything = accepted + " " + rejected + " " + report;
        for (String value : personal) {
            assertThat(everything).as("personal value %s", value).doesNotContainIgnoringCase(value);
        }
    }

    @Test
    void dutchBoxOfficeExportWithRefundsFreeTicketsAndBadAmounts() throws IOException {
        ValidationReport report = read("dutch_box_office_cp1252.csv");

        // plain Dutch headers are no proof of any system
        assertThat(report.proposal().system()).isEqualTo(TicketingSystem.OTHER);
        assertThat(report.dialect().orElseThrow().charset().name()).isEqualTo("windows-1252");
        assertThat(report.proposal().absentOptional()).isEmpty();
        assertThat(report.accepted()).isEqualTo(8);
        // only the impossible date is rejected
        assertThat(rejected).extracting(RejectedRow::line).containsExactly(10L);
        assertThat(lines(report, INVALID_DATE)).containsExactly(10L);
        // a refund and a free ticket are data, flagged apart
        assertThat(lines(report, REFUND)).containsExactly(6L);
        assertThat(line(6).ticketCount()).isEqualTo(-1);
        assertThat(lines(report, ZERO_TICKETS)).containsExactly(7L);
        // "twintig" and "20 EUR?" are reported and never kept as numbers
        assertThat(lines(report, INVALID_PRICE)).containsExactly(5L, 9L);
        assertThat(line(5).price()).isNull();
        assertThat(line(9).price()).isNull();
        // no postcode: accepted, not placed
        assertThat(lines(report, MISSING_POSTCODE)).containsExactly(9L);
        assertThat(line(9).pc4()).isNull();
        assertThat(lines(report, NON_DUTCH_POSTCODE)).containsExactly(10L);
        assertThat(report.placedDutch()).isEqualTo(7);
        assertThat(report.matchRate()).isEqualTo(7.0 / 8);
        assertThat(line(2).customerPseudonym()).isEqualTo(line(4).customerPseudonym());
        assertThat(line(2).eventName()).isEqualTo("Café Séance");
        noneOf(report, "Anna de Vries", "anna@example.nl", "Bram", "Müller");
    }

    @Test
    void ticketmaticExportWithItsApiFieldNames() throws IOException {
        ValidationReport report = read("ticketmatic_api_fields.csv");

        assertThat(report.proposal().system()).isEqualTo(TicketingSystem.TICKETMATIC);
        assertThat(report.proposal().reason("zip")).hasValueSatisfying(r -> {
            assertThat(r.kind()).isEqualTo(ColumnReason.Kind.PRESET);
            assertThat(r.toString()).isEqualTo("header 'zip' (TICKETMATIC)");
        });
        assertThat(report.proposal().mapping().byHeader()).containsEntry("nbroftickets", TICKET_COUNT)
                .containsEntry("createdts", ORDER_DATE).containsEntry("totalamount", PRICE)
                .containsEntry("countrycode", COUNTRY).containsEntry("locationname", VENUE);
        assertThat(report.accepted()).isEqualTo(5);
        assertThat(report.rejected()).isZero();
        assertThat(line(2).orderDate()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(line(5).ticketCount()).isEqualTo(3);
        // the Belgian 2000 is not taken for a Dutch PC4: the country column says BE
        assertThat(line(3).country()).isEqualTo("BE");
        assertThat(line(3).pc4()).isNull();
        assertThat(report.placedDutch()).isEqualTo(3);
        assertThat(report.foreign()).isEqualTo(2);
        assertThat(line(2).customerPseudonym()).isEqualTo(line(4).customerPseudonym());
        // the venue is no personal "name", and the e-mail column (there is a customer id) is not shown
        Preview preview = preview("ticketmatic_api_fields.csv");
        assertThat(preview.rows().get(0)).contains("Theater aan de Parade").doesNotContain("iris@example.nl", "Iris");
        noneOf(report, "iris@example.nl", "Hendriks", "Schmidt");
    }

    @Test
    void pretixOrderListKeyedByEmail() throws IOException {
        ValidationReport report = read("pretix_orders.csv");

        assertThat(report.proposal().system()).isEqualTo(TicketingSystem.PRETIX);
        assertThat(report.proposal().mapping().byHeader()).containsEntry("Order code", ORDER_ID)
                .containsEntry("Positions", TICKET_COUNT).containsEntry("ZIP code", POSTCODE)
                .containsEntry("Email", CUSTOMER_ID).containsEntry("Event slug", EVENT_ID);
        assertThat(report.proposal().reason("Email").orElseThrow().kind()).isEqualTo(ColumnReason.Kind.PERSONAL_KEY);
        assertThat(report.accepted()).isEqualTo(4);
        // order ABC14 has a comment over two lines: the next order is on physical line 6
        assertThat(accepted).extracting(DeliveryRow::line).containsExactly(2L, 3L, 4L, 6L);
        // Mia ordered twice, once typed in capitals: one pseudonymous customer
        assertThat(line(2).customerPseudonym()).isEqualTo(line(4).customerPseudonym()).isNotNull();
        assertThat(accepted.stream().map(DeliveryRow::customerPseudonym).distinct()).hasSize(3);
        assertThat(line(4).ticketCount()).isEqualTo(3);
        assertThat(line(6).country()).isEqualTo("BE");
        Preview preview = preview("pretix_orders.csv");
        assertThat(preview.rows().get(0)).contains(DeliveryReader.PSEUDONYMISED).doesNotContain("mia@example.nl");
        noneOf(report, "mia@example.nl", "Mia Visser", "Dorpsstraat", "+31612345678", "rolstoel");
    }

    @Test
    void eventbriteAttendeeReportKeyedByEmailWithoutEventColumn() throws IOException {
        ValidationReport report = read("eventbrite_attendees.csv");

        assertThat(report.proposal().system()).isEqualTo(TicketingSystem.EVENTBRITE);
        assertThat(report.proposal().mapping().byHeader()).containsEntry("Email", CUSTOMER_ID)
                .containsEntry("Order #", ORDER_ID).containsEntry("Home Zip", POSTCODE);
        assertThat(report.proposal().absentOptional()).containsExactly(EVENT_NAME);
        // two attendees of one order are two tickets, not a duplicate line
        assertThat(report.accepted()).isEqualTo(5);
        assertThat(report.count(DUPLICATE_ORDER_LINE)).isZero();
        assertThat(line(2).orderId()).isEqualTo(line(3).orderId());
        assertThat(line(2).customerPseudonym()).isNotEqualTo(line(3).customerPseudonym());
        // Olga came back (her address typed differently): the same pseudonym
        assertThat(line(5).customerPseudonym()).isEqualTo(line(2).customerPseudonym());
        assertThat(accepted).extracting(DeliveryRow::eventName).containsOnly(CanonicalField.ALL_EVENTS);
        assertThat(line(2).orderDate()).isEqualTo(LocalDate.of(2024, 5, 3));
        assertThat(report.placedDutch()).isEqualTo(4);
        noneOf(report, "olga@example.nl", "Dekker", "Lindelaan", "rik@example.be");
    }

    @Test
    void museumCounterRegisterWithoutOrdersCustomersOrEvents() throws IOException {
        ValidationReport report = read("museum_register.csv");

        assertThat(report.proposal().system()).isEqualTo(TicketingSystem.OTHER);
        assertThat(report.proposal().complete()).isTrue();
        assertThat(report.proposal().absentOptional()).containsExactlyInAnyOrder(ORDER_ID, CUSTOMER_ID, EVENT_NAME);
        assertThat(report.proposal().reason("Datum").orElseThrow().kind()).isEqualTo(ColumnReason.Kind.ONLY_DATE);
        assertThat(report.accepted()).isEqualTo(6);
        assertThat(report.rejected()).isZero();
        assertThat(report.skippedRows().get(SkipReason.SUMMARY_ROW).lines()).containsExactly(8L);
        // two identical lines are two visits: without order ids nothing says they are one
        assertThat(line(2).orderId()).isEqualTo("2");
        assertThat(line(3).orderId()).isEqualTo("3");
        assertThat(accepted).extracting(DeliveryRow::customerPseudonym).containsOnlyNulls();
        assertThat(line(5).ticketCount()).isEqualTo(3);
        assertThat(lines(report, MISSING_POSTCODE)).containsExactly(5L);
        assertThat(lines(report, NON_DUTCH_POSTCODE)).containsExactly(6L);
        assertThat(lines(report, INVALID_POSTCODE)).containsExactly(7L);
        assertThat(report.placedDutch()).isEqualTo(3);
        assertThat(report.matchRate()).isEqualTo(0.5);
    }

    @Test
    void excelWorkbookWithDateCellsAndUnknownHeaders() throws IOException {
        Path workbook = dir.resolve("verkoop.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(50); OutputStream out = Files.newOutputStream(workbook)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("d-m-yyyy"));
            Sheet sheet = wb.createSheet("Blad1");
            Row header = sheet.createRow(0);
            String[] headers = {"Verkocht", "Code", "Kaarten", "Show", "Klant e-mail"};
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            for (int r = 1; r <= 12; r++) {
                Row row = sheet.createRow(r);
                var sold = row.createCell(0);
                sold.setCellValue(LocalDate.of(2024, 9, r));
                sold.setCellStyle(date);
                row.createCell(1).setCellValue(r == 12 ? "?" : (5030 + r) + " AB");
                row.createCell(2).setCellValue(1 + r % 3);
                row.createCell(3).setCellValue("Cabaret " + (r % 2 == 0 ? "A" : "B"));
                row.createCell(4).setCellValue("gast" + (r % 5) + "@example.nl");
            }
            wb.write(out);
            wb.dispose();
        }
        ValidationReport report;
        try (InputStream in = Files.newInputStream(workbook)) {
            report = reader.read(in, "verkoop.xlsx", Optional.empty(), Optional.empty(), pseudonymiser,
                    RowSink.of(accepted::add, rejected::add));
        }
        assertThat(report.proposal().mapping().byHeader()).containsEntry("Verkocht", ORDER_DATE)
                .containsEntry("Code", POSTCODE).containsEntry("Kaarten", TICKET_COUNT).containsEntry("Show", EVENT_NAME)
                .containsEntry("Klant e-mail", CUSTOMER_ID);
        assertThat(report.proposal().reason("Code").orElseThrow().toString()).isEqualTo("values look like POSTCODE (11 of 12)");
        assertThat(report.accepted()).isEqualTo(12);
        assertThat(line(2).orderDate()).isEqualTo(LocalDate.of(2024, 9, 1));
        assertThat(lines(report, INVALID_POSTCODE)).containsExactly(13L);
        assertThat(accepted.stream().map(DeliveryRow::customerPseudonym).distinct()).hasSize(5);
        noneOf(report, "@example.nl", "gast1");
    }

    @Test
    void monthlyExportsPastedTogetherWithRepeatedHeadersAndACommentOverThreeLines() throws IOException {
        ValidationReport report = read("concatenated_months.csv");

        assertThat(report.skippedRows().get(SkipReason.BLANK_ROW).lines()).containsExactly(4L);
        assertThat(report.skippedRows().get(SkipReason.REPEATED_HEADER).lines()).containsExactly(5L, 10L);
        assertThat(accepted).extracting(DeliveryRow::line).containsExactly(2L, 3L, 6L, 11L);
        // the row after the three-line comment is line 9 in an editor; it has no count
        assertThat(lines(report, INVALID_TICKET_COUNT)).containsExactly(9L);
        // January's first order pasted again in March: a duplicate, reported with its own line
        assertThat(lines(report, DUPLICATE_ORDER_LINE)).containsExactly(12L);
        assertThat(report.reconciles()).isTrue();
        Preview preview = preview("concatenated_months.csv");
        assertThat(preview.rows()).noneMatch(r -> r.contains("Ordernummer"));
    }

    @Test
    void excelUnicodeTextIsUtf16WithBomAndTabs() throws IOException {
        ValidationReport report = read("excel_unicode_text_utf16.txt");

        assertThat(report.dialect()).hasValueSatisfying(d -> {
            assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_16LE);
            assertThat(d.byteOrderMark()).isTrue();
            assertThat(d.delimiterName()).isEqualTo("TAB");
        });
        assertThat(report.accepted()).isEqualTo(3);
        assertThat(line(4).eventName()).isEqualTo("Één avond Brel");
        assertThat(line(4).country()).isEqualTo("BE");
        assertThat(report.placedDutch()).isEqualTo(2);
    }
}
