package nl.kunstloc.publieksdata.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.kunstloc.publieksdata.delivery.entity.DeliveryRow;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import org.junit.jupiter.api.Test;

/** Issue 11 finding 3: an XLSX zip bomb, an over-long cell and too many rows are refused while reading. */
class XlsxLimitsTest {

    final DeliveryReader reader = new DeliveryReader(PostcodeDirectory.load());
    final List<DeliveryRow> accepted = new ArrayList<>();

    void read(byte[] xlsx, DeliveryReader reader) throws IOException {
        reader.read(new ByteArrayInputStream(xlsx), "export.xlsx", Optional.empty(), Optional.empty(),
                Pseudonymiser.forInstitution(PseudonymiserTest.SECRET, "x"), RowSink.of(accepted::add, r -> { }));
    }

    @Test
    void theWorkbookOfTheBombWithoutItsPaddingIsValid() throws IOException {
        // the control: the same builder makes a readable workbook, so the refusals below are about the bomb
        read(HostileExports.xlsxBomb(0), reader);
        assertThat(accepted).extracting(DeliveryRow::orderId).containsExactly("O-1");
    }

    @Test
    void aSheetThatInflatesAThousandFoldIsRefusedAsAZipBomb() throws IOException {
        byte[] bomb = HostileExports.xlsxBomb(2L << 30);
        assertThat(bomb.length).as("a bomb of a few MB for 2 GiB of sheet").isLessThan(12 << 20);

        UnreadableExportException refused = catchThrowableOfType(UnreadableExportException.class, () -> read(bomb, reader));

        assertThat(refused.messageKey()).isEqualTo("delivery.upload.xlsxBomb");
    }

    @Test
    void aBombThatLiesAboutItsSizesIsRefusedWhileItIsInflated(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.nio.file.Path file = dir.resolve("bomb.xlsx");
        java.nio.file.Files.write(file, HostileExports.xlsxBomb(2L << 30));
        List<Long> rows = new ArrayList<>();

        try (XlsxTable table = XlsxTable.withoutDeclaredSizeCheck(file, ReadLimits.DEFAULT)) {
            UnreadableExportException refused = catchThrowableOfType(UnreadableExportException.class,
                    () -> table.forEachRow((line, cells) -> rows.add(line)));
            assertThat(refused.messageKey()).isEqualTo("delivery.upload.xlsxBomb");
        }
        // POI's inflation check stops it within its first megabytes, not after 2 GiB
        assertThat(rows.size()).isLessThan(1_000_000);
    }

    @Test
    void thePreviewOfTheBombIsRefusedBeforeItsFirstRows() throws IOException {
        // the preview reads only twenty rows, too few for the inflation check: the declared sizes refuse it
        byte[] bomb = HostileExports.xlsxBomb(2L << 30);

        UnreadableExportException refused = catchThrowableOfType(UnreadableExportException.class,
                () -> reader.preview(new ByteArrayInputStream(bomb), "export.xlsx", 20, Optional.empty()));

        assertThat(refused.messageKey()).isEqualTo("delivery.upload.xlsxBomb");
    }

    @Test
    void aCellLongerThanTheLimitIsRefusedNamingRowAndColumnBeforeItIsCollected() {
        byte[] xlsx;
        try {
            xlsx = HostileExports.xlsxWithLongCell(150_000);
        } catch (IOException e) {
            throw new AssertionError(e);
        }

        UnreadableExportException refused = catchThrowableOfType(UnreadableExportException.class, () -> read(xlsx, reader));

        assertThat(refused.messageKey()).isEqualTo("delivery.upload.fieldTooLong");
        assertThat(refused.arguments()).containsExactly(2L, 4, 100_000);
    }

    @Test
    void aSheetWithMoreRowsThanTheLimitIsRefused() throws IOException {
        // 30,000 empty rows after the header compress well but not like a bomb: the row limit refuses them
        DeliveryReader strict = new DeliveryReader(PostcodeDirectory.load(), new ReadLimits(1000, 10_000, 100, 1_000));

        UnreadableExportException refused = catchThrowableOfType(UnreadableExportException.class,
                () -> read(HostileExports.xlsxBomb(11 * 30_000), strict));

        assertThat(refused.messageKey()).isIn("delivery.upload.tooManyRows", "delivery.upload.xlsxBomb");
        if (refused.messageKey().equals("delivery.upload.tooManyRows")) {
            assertThat(refused.arguments()).containsExactly(1_001L, 1_000L);
        }
    }
}
