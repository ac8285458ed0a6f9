package nl.kunstloc.publieksdata.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kunstloc.publieksdata.delivery.entity.DeliveryRow;
import nl.kunstloc.publieksdata.delivery.entity.ValidationReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The row store on H2 (batch inserts) with the delivery_row table as V4 creates it. */
class DeliveryRowStoreTest {

    Connection connection;
    final DeliveryReader reader = new DeliveryReader(DeliveryReaderTest.DIRECTORY);
    final Pseudonymiser pseudonymiser = Pseudonymiser.forInstitution(PseudonymiserTest.SECRET, "7");

    @BeforeEach
    void database() throws Exception {
        connection = DriverManager.getConnection("jdbc:h2:mem:rows" + System.nanoTime());
        String v4 = Files.readString(Path.of("src/main/resources/db/migration/common/V4__delivery.sql"));
        Matcher table = Pattern.compile("CREATE TABLE delivery_row \\((.*?)\\n\\);", Pattern.DOTALL).matcher(v4);
        assertThat(table.find()).isTrue();
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE delivery_row (" + table.group(1).replace("REFERENCES delivery (id)", "") + ")");
        }
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    ValidationReport store(DeliveryRowStore store, long deliveryId, String corpus, List<Long> progress) throws Exception {
        try (InputStream in = DeliveryReaderTest.corpus(corpus)) {
            return store.store(deliveryId, 7L, sink -> reader.read(in, corpus, Optional.empty(), Optional.empty(), pseudonymiser, sink),
                    RowSink.of(r -> { }, r -> { }), progress::add);
        }
    }

    @Test
    void stores_every_accepted_row_and_a_rerun_replaces_them_instead_of_duplicating() throws Exception {
        DeliveryRowStore store = new DeliveryRowStore(connection);
        assertThat(store.usesCopy()).isFalse();

        ValidationReport first = store(store, 1, "ticketmatic_semicolon_cp1252_crlf.csv", new ArrayList<>());
        assertThat(first.accepted()).isPositive();
        assertThat(store.count(1)).isEqualTo(first.accepted());

        ValidationReport again = store(store, 1, "ticketmatic_semicolon_cp1252_crlf.csv", new ArrayList<>());
        assertThat(store.count(1)).isEqualTo(again.accepted()).isEqualTo(first.accepted());
    }

    @Test
    void stores_no_personal_data_only_the_pseudonym_and_pc4() throws Exception {
        DeliveryRowStore store = new DeliveryRowStore(connection);
        store(store, 2, "ticketmatic_semicolon_cp1252_crlf.csv", new ArrayList<>());
        StringBuilder all = new StringBuilder();
        try (ResultSet rs = connection.createStatement().executeQuery("SELECT * FROM delivery_row")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    all.append(rs.getString(i)).append('|');
                }
            }
        }
        assertThat(all.toString()).doesNotContain("C001", "Verhoeven", "anna.verhoeven@example.nl", "06-12345678", "5038 AB", "5038AB")
                .contains(pseudonymiser.pseudonym("C001"), "|5038|");
    }

    @Test
    void deletes_per_delivery_and_per_institution() throws Exception {
        DeliveryRowStore store = new DeliveryRowStore(connection);
        ValidationReport a = store(store, 3, "ticketmatic_semicolon_cp1252_crlf.csv", new ArrayList<>());
        store(store, 4, "eventbrite_pipe.csv", new ArrayList<>());

        assertThat(store.deleteDelivery(3)).isEqualTo(a.accepted());
        assertThat(store.count(3)).isZero();
        assertThat(store.count(4)).isPositive();
        assertThat(store.deleteInstitution(7)).isPositive();
        assertThat(store.count(4)).isZero();
    }

    @Test
    void writes_csv_for_copy_with_nulls_unquoted_and_quotes_doubled() {
        DeliveryRow row = new DeliveryRow(2, "A\"1", "p", LocalDate.of(2026, 1, 2), null, "Noël, \"live\"", null, null, null,
                null, new BigDecimal("12.50"), 2, null, "5038", "GM0855", "NL", false);
        assertThat(DeliveryRowStore.csv(9, 7, List.of(row)))
                .isEqualTo("9,7,2,\"A\"\"1\",\"p\",2026-01-02,,\"Noël, \"\"live\"\"\",,,,,12.50,2,,\"5038\",\"GM0855\",\"NL\",false\n");
    }

    @Test
    void reports_progress_on_big_files() throws Exception {
        DeliveryRowStore store = new DeliveryRowStore(connection);
        StringBuilder csv = new StringBuilder("Ordernummer;Klantnummer;Besteldatum;Voorstelling;Aantal;Postcode\n");
        for (int i = 0; i < DeliveryRowStore.BATCH * 5; i++) {
            csv.append("O").append(i).append(";K").append(i % 97).append(";01-02-2026;Concert;1;5611 AB\n");
        }
        List<Long> progress = new ArrayList<>();
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        ValidationReport report = store.store(5, 7L, sink -> reader.read(new java.io.ByteArrayInputStream(bytes), "big.csv",
                Optional.empty(), Optional.empty(), pseudonymiser, sink), RowSink.of(r -> { }, r -> { }), progress::add);
        assertThat(report.accepted()).isEqualTo(DeliveryRowStore.BATCH * 5L);
        assertThat(store.count(5)).isEqualTo(report.accepted());
        assertThat(progress).isNotEmpty().isSorted();
    }
}
