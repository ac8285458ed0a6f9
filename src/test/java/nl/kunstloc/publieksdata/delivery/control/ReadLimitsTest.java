package nl.kunstloc.publieksdata.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.kunstloc.publieksdata.delivery.entity.DeliveryRow;
import nl.kunstloc.publieksdata.delivery.entity.ProblemCode;
import nl.kunstloc.publieksdata.delivery.entity.ProblemSummary;
import nl.kunstloc.publieksdata.delivery.entity.RejectedRow;
import nl.kunstloc.publieksdata.delivery.entity.ValidationReport;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import org.junit.jupiter.api.Test;

/** Issue 11, findings 2 and 3: hostile or odd uploads are read within limits or refused, naming the line. */
class ReadLimitsTest {

    static final PostcodeDirectory DIRECTORY = PostcodeDirectory.load();
    final Pseudonymiser pseudonymiser = Pseudonymiser.forInstitution(PseudonymiserTest.SECRET, "theatre-1");
    final List<DeliveryRow> accepted = new ArrayList<>();
    final List<RejectedRow> rejected = new ArrayList<>();

    ValidationReport read(DeliveryReader reader, InputStream in, String name) throws IOException {
        return reader.read(in, name, Optional.empty(), Optional.empty(), pseudonymiser, RowSink.of(accepted::add, rejected::add));
    }

    static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCellOf200MegabytesOnOneLineIsRefusedNamingItsLineWithoutBeingHeld() {
        // the stream is generated while it is read: if the reader collected the cell, this JVM's heap would not do
        long before = usedHeap();
        UnreadableExportException refused = catchThrowableOfType(UnreadableExportException.class,
                () -> new DeliveryReader(DIRECTORY).preview(HostileExports.oneHugeCell(200L << 20), "api-upload.csv", 20,
                        Optional.empty()));

        assertThat(refused.messageKey()).isEqualTo("delivery.upload.fieldTooLong");
        assertThat(refused.arguments()).containsExactly(2L, 4, 100_000);
        assertThat(Messages.format(java.util.Locale.ENGLISH, refused.messageKey(), refused.arguments()))
                .startsWith("Line 2, column 4: this cell holds more than 100000 characters.");
        assertThat(usedHeap() - before).as("heap held after the refusal").isLessThan(50L << 20);
    }

    @Test
    void theReportedOneMegabyteRemarkInATwentyRowExportIsRefusedWithItsPhysicalLineByDefault() {
        String csv = HostileExports.withLongQuotedField(1 << 20, 20);

        UnreadableExportException refused = catchThrowableOfType(UnreadableExportException.class,
                () -> read(new DeliveryReader(DIRECTORY), utf8(csv), "export.csv"));

        // header on line 1, the twenty rows on lines 2..21: the long row starts on line 22
        assertThat(refused.messageKey()).isEqualTo("delivery.upload.fieldTooLong");
        assertThat(refused.arguments()).containsExactly(22L, 4, 100_000);
    }

    @Test
    void withAHigherCellLimitTheLongEventNameIsOneRejectedRowAndTheLinesAfterItStayPhysical() throws IOException {
        // the long row comes after five rows; 1 MB + newlines every 80 characters: 12,945 physical lines
        String csv = HostileExports.withLongQuotedField(1 << 20, 5);
        DeliveryReader reader = new DeliveryReader(DIRECTORY, new ReadLimits(2_000_000, 4_000_000, 100, 1_000_000));

        ValidationReport report = read(reader, utf8(csv), "export.csv");

        long longRowLine = 7;
        long linesOfTheLongRow = csv.lines().count() - 21;
        assertThat(report.accepted()).isEqualTo(20);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.problem(ProblemCode.UNREADABLE_ROW).orElseThrow().examples())
                .extracting(ProblemSummary.Example::line).containsExactly(longRowLine);
        assertThat(rejected.get(0).line()).isEqualTo(longRowLine);
        // the row after the long one starts on the line below its last line, as an editor shows it
        assertThat(accepted.get(5).line()).isEqualTo(longRowLine + linesOfTheLongRow);
        assertThat(accepted.get(5).orderId()).isEqualTo("O-6");
    }

    @Test
    void aLongRemarkInAColumnThatIsNotReadDoesNoHarm() throws IOException {
        String text = "x".repeat(50_000) + "\nmore";
        String csv = HostileExports.HEADER + ";Opmerking\r\n"
                + "O-1;K1;2024-03-01;Het lied van de zee;1;5038 AB;\"" + text + "\"\r\n"
                + "O-2;K2;2024-03-01;Het lied van de zee;1;5038 AB;kort\r\n";

        ValidationReport report = read(new DeliveryReader(DIRECTORY), utf8(csv), "export.csv");

        assertThat(report.accepted()).isEqualTo(2);
        assertThat(accepted).extracting(DeliveryRow::line).containsExactly(2L, 4L);
    }

    @Test
    void aRowOfManyShortCellsBeyondTheRowLimitIsRefused() {
        String csv = "a;b\n1;2\n" + "x;".repeat(1_500) + "x\n";
        ReadLimits limits = new ReadLimits(100, 1_000, 10_000, 100);

        UnreadableExportException refused = catchThrowableOfType(UnreadableExportException.class,
                () -> rows(csv, limits));

        assertThat(refused.messageKey()).isEqualTo("delivery.upload.rowTooLong");
        assertThat(refused.arguments()).containsExactly(3L, 1_000);
    }

    @Test
    void aQuoteThatNeverClosesIsRefusedAsATooLongCellNotReadToTheEndOfTheFile() {
        StringBuilder csv = new StringBuilder("a;b\n1;\"open\n");
        for (int i = 0; i < 5_000; i++) {
            csv.append(i).append(";row\n");
        }
        UnreadableExportException refused = catchThrowableOfType(UnreadableExportException.class,
                () -> rows(csv.toString(), new ReadLimits(1_000, 10_000, 100, 100)));

        assertThat(refused.messageKey()).isEqualTo("delivery.upload.fieldTooLong");
        assertThat(refused.arguments()).containsExactly(2L, 2, 1_000);
    }

    @Test
    void aRowOfMoreColumnsThanExcelHasIsRefused() {
        String csv = "a;b\n" + ";".repeat(20_000) + "\n";

        assertThatThrownBy(() -> rows(csv, ReadLimits.DEFAULT))
                .isInstanceOfSatisfying(UnreadableExportException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("delivery.upload.tooManyColumns");
                    assertThat(e.arguments()).containsExactly(2L, 16_384);
                });
    }

    @Test
    void limitsAreCheckedWhenMade() {
        assertThatThrownBy(() -> new ReadLimits(100, 50, 10, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReadLimits(0, 50, 10, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    static List<List<String>> rows(String csv, ReadLimits limits) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (TableSource table = TableSource.open(utf8(csv), "x.csv", limits)) {
            table.forEachRow((line, cells) -> rows.add(List.copyOf(cells)));
        }
        return rows;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
