package nl.kunstloc.publieksdata.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.kunstloc.publieksdata.delivery.entity.FileFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeldFilesTest {

    @TempDir
    Path folder;

    HeldFiles files() {
        return new HeldFiles(folder, 1000);
    }

    @Test
    void a_csv_is_streamed_to_the_folder_and_deleted_on_request() throws IOException {
        HeldFiles.Received received = files().receive(in("a;b\n1;2\n"), "export.csv");
        assertThat(received.format()).isEqualTo(FileFormat.CSV);
        assertThat(received.bytes()).isEqualTo(8);
        assertThat(Files.readString(received.path())).isEqualTo("a;b\n1;2\n");

        files().delete(received.path().toString(), "test");
        assertThat(received.path()).doesNotExist();
    }

    @Test
    void refuses_empty_binary_and_oversized_files_and_keeps_nothing() throws IOException {
        assertThatThrownBy(() -> files().receive(in(""), "x.csv")).hasFieldOrPropertyWithValue("messageKey", "delivery.upload.empty");
        assertThatThrownBy(() -> files().receive(new ByteArrayInputStream(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 1}), "x.csv"))
                .hasFieldOrPropertyWithValue("messageKey", "delivery.upload.binary");
        assertThatThrownBy(() -> files().receive(in("a;b\n".repeat(300)), "x.csv"))
                .hasFieldOrPropertyWithValue("messageKey", "delivery.upload.tooLarge");
        assertThatThrownBy(() -> files().receive(in("a;b\n"), "x.xlsx"))
                .hasFieldOrPropertyWithValue("messageKey", "delivery.upload.binary");
        try (var left = Files.list(folder)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void an_xlsx_is_recognised_by_its_zip_signature_and_named_so_the_reader_opens_it() throws IOException {
        HeldFiles.Received received = files().receive(new ByteArrayInputStream(new byte[]{'P', 'K', 3, 4, 20, 0}), "upload");
        assertThat(received.format()).isEqualTo(FileFormat.XLSX);
        assertThat(HeldFiles.readableName(received, "api-upload.csv")).isEqualTo("api-upload.csv.xlsx");
    }

    @Test
    void windows_1252_text_is_not_mistaken_for_binary() throws IOException {
        byte[] cp1252 = "Naam;Prijs\r\nNoël;€ 12,50\r\n".getBytes("windows-1252");
        assertThat(files().receive(new ByteArrayInputStream(cp1252), "x.csv").format()).isEqualTo(FileFormat.CSV);
    }

    static ByteArrayInputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
