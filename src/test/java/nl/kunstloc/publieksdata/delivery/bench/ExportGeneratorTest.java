package nl.kunstloc.publieksdata.delivery.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import nl.kunstloc.publieksdata.delivery.control.DeliveryReader;
import nl.kunstloc.publieksdata.delivery.control.Pseudonymiser;
import nl.kunstloc.publieksdata.delivery.entity.ProblemCode;
import nl.kunstloc.publieksdata.delivery.entity.SkipReason;
import nl.kunstloc.publieksdata.institution.entity.TicketingSystem;
import nl.kunstloc.publieksdata.delivery.entity.ValidationReport;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportGeneratorTest {

    @Test
    void generatesAnExportTheReaderAcceptsAndReconciles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("export.csv");
        new ExportGenerator(7).write(file, 1000);
        long repeats = new ExportGenerator(7).write(new StringWriter(), 1000);

        AtomicLong rows = new AtomicLong();
        ValidationReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = new DeliveryReader(PostcodeDirectory.load()).read(in, "export.csv", Optional.empty(),
                    Optional.empty(), Pseudonymiser.forInstitution(new byte[32], "bench"), row -> rows.incrementAndGet());
        }
        // the generator writes Ticketmatic's assumed Dutch column titles: plain names, no proof of the system
        assertThat(report.proposal().system()).isEqualTo(TicketingSystem.OTHER);
        assertThat(report.proposal().complete()).isTrue();
        assertThat(report.dialect().orElseThrow().charset().name()).isEqualTo("windows-1252");
        assertThat(report.rowsRead()).isEqualTo(1001);
        assertThat(report.skipped(SkipReason.SUMMARY_ROW)).isEqualTo(1);
        assertThat(report.reconciles()).isTrue();
        assertThat(report.accepted()).isEqualTo(rows.get()).isGreaterThan(950);
        assertThat(report.count(ProblemCode.DUPLICATE_ORDER_LINE)).isEqualTo(repeats).isPositive();
        assertThat(report.count(ProblemCode.INVALID_POSTCODE)).isPositive();
        assertThat(report.brabantRate()).isBetween(0.8, 0.95);
    }

    @Test
    void isDeterministicPerSeed() throws IOException {
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        new ExportGenerator(1).write(a, 200);
        new ExportGenerator(1).write(b, 200);
        assertThat(a.toString()).isEqualTo(b.toString()).contains("€ ").contains("Café Chantant");
    }
}
