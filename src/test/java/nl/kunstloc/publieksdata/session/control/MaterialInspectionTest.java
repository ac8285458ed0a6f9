package nl.kunstloc.publieksdata.session.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.session.entity.MaterialKind;
import org.junit.jupiter.api.Test;

/** Materials are recognised by their bytes; the name must agree; 20 MB at most. */
class MaterialInspectionTest {

    static final byte[] PDF = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);

    static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : entries) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<xml/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void pdfSlidesAndDocumentsAreRecognised() throws IOException {
        assertThat(MaterialInspection.inspect("verslag.pdf", PDF)).isEqualTo(MaterialKind.PDF);
        assertThat(MaterialInspection.inspect("Dia's.PPTX", zip("[Content_Types].xml", "ppt/presentation.xml", "ppt/slides/slide1.xml")))
                .isEqualTo(MaterialKind.PPTX);
        assertThat(MaterialInspection.inspect("handout.docx", zip("[Content_Types].xml", "word/document.xml"))).isEqualTo(MaterialKind.DOCX);
    }

    @Test
    void aRenamedFileIsRefusedByItsContent() throws IOException {
        assertThatThrownBy(() -> MaterialInspection.inspect("notes.pdf", "just text".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("session.material.error.type");
        assertThatThrownBy(() -> MaterialInspection.inspect("slides.pptx", PDF)).hasMessageContaining("session.material.error.type");
        assertThatThrownBy(() -> MaterialInspection.inspect("sheet.docx", zip("[Content_Types].xml", "xl/workbook.xml")))
                .as("an Excel file renamed to .docx").hasMessageContaining("session.material.error.type");
        assertThatThrownBy(() -> MaterialInspection.inspect("archive.docx", zip("word/document.xml")))
                .as("a plain ZIP is not an Office file").hasMessageContaining("session.material.error.type");
        assertThatThrownBy(() -> MaterialInspection.inspect("run.exe", "MZ\u0090".getBytes(StandardCharsets.ISO_8859_1)))
                .hasMessageContaining("session.material.error.type");
    }

    @Test
    void emptyAndTooLargeFilesAreRefusedWithTheirOwnMessage() {
        assertThatThrownBy(() -> MaterialInspection.inspect("leeg.pdf", new byte[0])).hasMessageContaining("session.material.error.empty");
        assertThatThrownBy(() -> MaterialInspection.checkSize("groot.pdf", 20L * 1024 * 1024 + 1)).hasMessageContaining("session.material.error.tooLarge");
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        assertThatThrownBy(() -> MaterialInspection.inspect("groot.pdf", big)).hasMessageContaining("session.material.error.tooLarge");
        byte[] exactly = new byte[20 * 1024 * 1024];
        System.arraycopy(PDF, 0, exactly, 0, PDF.length);
        assertThat(MaterialInspection.inspect("precies.pdf", exactly)).isEqualTo(MaterialKind.PDF);
    }
}
