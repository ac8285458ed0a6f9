package nl.kunstloc.publieksdata.session.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.session.entity.MaterialKind;
import nl.kunstloc.publieksdata.session.entity.SessionMaterial;

/**
 * Decides what a material really is from its bytes, not its name: a PDF starts with "%PDF-";
 * PowerPoint and Word files are ZIP packages with [Content_Types].xml and ppt/presentation.xml or
 * word/document.xml. The name's extension must agree, so nobody downloads a renamed file that
 * opens in a different program than it says.
 */
public final class MaterialInspection {

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    /** A real Office file has a few dozen entries; a ZIP with thousands is not one. */
    private static final int MAX_ENTRIES = 5000;

    private MaterialInspection() {
    }

    /** Refuses a file before reading it when its size is already too much. */
    public static void checkSize(String fileName, long size) {
        if (size <= 0) {
            throw new UserFacingException("session.material.error.empty", fileName);
        }
        if (size > SessionMaterial.MAX_BYTES) {
            throw new UserFacingException("session.material.error.tooLarge", fileName, SessionMaterial.MAX_BYTES / (1024 * 1024));
        }
    }

    /** The kind of the file, or a UserFacingException that says what is accepted. */
    public static MaterialKind inspect(String fileName, byte[] content) {
        checkSize(fileName, content == null ? 0 : content.length);
        MaterialKind kind = sniff(content);
        if (kind == null || !kind.matchesName(fileName)) {
            throw new UserFacingException("session.material.error.type", fileName);
        }
        return kind;
    }

    static MaterialKind sniff(byte[] content) {
        if (startsWith(content, PDF)) {
            return MaterialKind.PDF;
        }
        if (!startsWith(content, ZIP)) {
            return null;
        }
        boolean contentTypes = false;
        boolean presentation = false;
        boolean document = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null && ++entries <= MAX_ENTRIES) {
                switch (entry.getName()) {
                    case "[Content_Types].xml" -> contentTypes = true;
                    case "ppt/presentation.xml" -> presentation = true;
                    case "word/document.xml" -> document = true;
                    default -> { }
                }
            }
        } catch (IOException | IllegalArgumentException broken) {
            return null;
        }
        if (!contentTypes) {
            return null;
        }
        return presentation ? MaterialKind.PPTX : document ? MaterialKind.DOCX : null;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content != null && content.length >= prefix.length
                && Arrays.equals(Arrays.copyOf(content, prefix.length), prefix);
    }
}
