package nl.kunstloc.publieksdata.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Optional;
import nl.kunstloc.publieksdata.delivery.entity.Preview;
import org.junit.jupiter.api.Test;

/**
 * The upload page keeps the received file and its preview in its view state between "upload" and "import";
 * with several nodes that state travels with the session (serialised) and must come back whole on the other node.
 */
class UploadSerializationTest {

    final DeliveryReader reader = new DeliveryReader(DeliveryReaderTest.DIRECTORY);

    @Test
    void anUploadWithItsPreviewSurvivesTheTripToAnotherNode() throws Exception {
        Preview preview;
        try (InputStream in = DeliveryReaderTest.corpus("ticketmatic_semicolon_cp1252_crlf.csv")) {
            preview = reader.preview(in, "export.csv", 3, Optional.empty());
        }
        Deliveries.Upload upload = new Deliveries.Upload("/shared/uploads/x.csv", "export.csv", 1234, preview);

        Deliveries.Upload copy = roundTrip(upload);

        assertThat(copy).isEqualTo(upload);
        assertThat(copy.preview().dialect().orElseThrow().charset()).isEqualTo(preview.dialect().orElseThrow().charset());
        assertThat(copy.preview().proposal().mapping()).isEqualTo(preview.proposal().mapping());
    }

    @Test
    void aPreviewWithoutDialectStaysWithout() throws Exception {
        Preview preview;
        try (InputStream in = DeliveryReaderTest.corpus("ticketmatic_semicolon_cp1252_crlf.csv")) {
            preview = reader.preview(in, "export.csv", 3, Optional.empty());
        }
        Preview xlsxLike = new Preview("export.xlsx", preview.format(), Optional.empty(), preview.headers(), preview.proposal(),
                preview.rows());

        assertThat(roundTrip(xlsxLike).dialect()).isEmpty();
        assertThat(roundTrip(xlsxLike)).isEqualTo(xlsxLike);
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
