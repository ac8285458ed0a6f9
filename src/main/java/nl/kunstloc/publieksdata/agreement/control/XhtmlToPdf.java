package nl.kunstloc.publieksdata.agreement.control;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Renders one XHTML document to PDF with the fonts shipped in the WAR, reproducibly.
 *
 * <p>Fonts come from the classpath, never from the machine, so a PDF looks the same on every server
 * and Dutch glyphs (é ë ï ö €) are always present. Reproducible means: the same XHTML gives the same
 * bytes. That needs two things PDFBox would otherwise vary: no creation date is written, and the
 * trailer /ID is derived from the content instead of from the clock. Then the hash a director signs
 * can be recomputed from the stored inputs at any time.
 */
final class XhtmlToPdf {

    static final String FONT_FAMILY = "DejaVu Sans";
    static final String MONO_FONT_FAMILY = "DejaVu Sans Mono";
    static final String PRODUCER = "Publieksdata pilot portal (openhtmltopdf)";
    private static final String FONTS = "/agreement/fonts/";

    private XhtmlToPdf() {
    }

    /**
     * @param info document information entries; keys Title, Author, Subject, Keywords go to the standard
     *             fields, any other key is stored as a custom entry
     */
    static byte[] render(String xhtml, Map<String, String> info) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withHtmlContent(xhtml, null);
        builder.withProducer(PRODUCER);
        builder.useFont(() -> font("DejaVuSans.ttf"), FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT_FAMILY, 700, FontStyle.NORMAL, true);
        builder.useFont(() -> font("DejaVuSansMono.ttf"), MONO_FONT_FAMILY, 400, FontStyle.NORMAL, true);
        PdfBoxRenderer renderer = builder.buildPdfRenderer();
        try {
            renderer.layout();
            renderer.createPDFWithoutClosing();
            PDDocument document = renderer.getPdfDocument();
            PDDocumentInformation information = document.getDocumentInformation();
            information.setCreationDate(null);
            information.setModificationDate(null);
            information.setProducer(PRODUCER);
            info.forEach((key, value) -> {
                switch (key) {
                    case "Title" -> information.setTitle(value);
                    case "Author" -> information.setAuthor(value);
                    case "Subject" -> information.setSubject(value);
                    case "Keywords" -> information.setKeywords(value);
                    default -> information.setCustomMetadataValue(key, value);
                }
            });
            document.setDocumentId(contentId(xhtml));
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the agreement PDF", e);
        } finally {
            renderer.close();
        }
    }

    private static InputStream font(String file) {
        InputStream in = XhtmlToPdf.class.getResourceAsStream(FONTS + file);
        if (in == null) {
            throw new IllegalStateException("font " + FONTS + file + " is missing from the classpath");
        }
        return in;
    }

    private static long contentId(String xhtml) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(xhtml.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
