package nl.kunstloc.publieksdata.delivery.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Logger;
import nl.kunstloc.publieksdata.delivery.entity.FileFormat;

/**
 * Uploaded files, held in a folder until their delivery is accepted (to re-read them with a new
 * mapping), streamed to disk as they arrive and never held in memory. Refuses, before anything is
 * stored, what cannot be an export: empty, too big, binary that is not XLSX.
 */
public final class HeldFiles {

    private static final Logger LOG = Logger.getLogger(HeldFiles.class.getName());
    private static final int SNIFF = 8192;

    private final Path folder;
    private final long maxBytes;

    public HeldFiles(Path folder, long maxBytes) {
        this.folder = Objects.requireNonNull(folder, "folder");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
    }

    /** A file as received: where it is held and what it looks like. */
    public record Received(Path path, long bytes, FileFormat format) {
    }

    /**
     * Streams the upload to a new file in the folder.
     *
     * @throws UnreadableExportException (nothing kept) for an empty, oversized or binary upload
     */
    public Received receive(InputStream in, String fileName) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(UUID.randomUUID() + (isXlsxName(fileName) ? ".xlsx" : ".csv"));
        long total = 0;
        byte[] head = new byte[SNIFF];
        int headLength = 0;
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (headLength < SNIFF) {
                    int copy = Math.min(n, SNIFF - headLength);
                    System.arraycopy(buffer, 0, head, headLength, copy);
                    headLength += copy;
                }
                total += n;
                if (total > maxBytes) {
                    throw new UnreadableExportException("delivery.upload.tooLarge", "more than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        try {
            FileFormat format = formatOf(head, headLength, fileName);
            return new Received(target, total, format);
        } catch (RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
    }

    static FileFormat formatOf(byte[] head, int length, String fileName) {
        if (length == 0) {
            throw new UnreadableExportException("delivery.upload.empty", "empty file");
        }
        boolean zip = length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        if (zip) {
            return FileFormat.XLSX;
        }
        if (isUnicodeText(head, length)) {
            // Excel's "Unicode text" (UTF-16 with BOM, tab-separated), or UTF-16/32 without one: zero bytes belong to it
            if (isXlsxName(fileName)) {
                throw new UnreadableExportException("delivery.upload.binary", "an .xlsx name on a file that is no XLSX");
            }
            return FileFormat.CSV;
        }
        int control = 0;
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xff;
            if (b == 0) {
                throw new UnreadableExportException("delivery.upload.binary", "binary file");
            }
            if (b < 0x09 || (b > 0x0d && b < 0x20 && b != 0x1a)) {
                control++;
            }
        }
        if (control > length / 100 + 2) {
            throw new UnreadableExportException("delivery.upload.binary", "binary file");
        }
        if (isXlsxName(fileName)) {
            throw new UnreadableExportException("delivery.upload.binary", "an .xlsx name on a file that is no XLSX");
        }
        return FileFormat.CSV;
    }

    private static boolean isUnicodeText(byte[] head, int length) {
        if (length >= 2 && ((head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE
                || (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF)) {
            return true;
        }
        if (length >= 4 && head[0] == 0 && head[1] == 0 && (head[2] & 0xff) == 0xFE && (head[3] & 0xff) == 0xFF) {
            return true;
        }
        return CsvTable.utf16WithoutBom(java.util.Arrays.copyOf(head, length)).isPresent();
    }

    /** The name the readers go by (they choose the format from the extension). */
    public static String readableName(Received received, String original) {
        String base = original == null || original.isBlank() ? "upload" : original.strip();
        if (received.format() == FileFormat.XLSX) {
            return isXlsxName(base) ? base : base + ".xlsx";
        }
        return base.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx") ? base + ".csv" : base;
    }

    private static boolean isXlsxName(String fileName) {
        return fileName != null && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
    }

    public InputStream open(String heldFile) throws IOException {
        return Files.newInputStream(Path.of(heldFile));
    }

    /** Deletes a held file; logged, because deleting the institution's upload is a privacy promise. */
    public void delete(String heldFile, String why) {
        try {
            boolean deleted = Files.deleteIfExists(Path.of(heldFile));
            LOG.info(() -> "held upload " + Path.of(heldFile).getFileName() + (deleted ? " deleted: " : " already gone: ") + why);
        } catch (IOException e) {
            LOG.warning(() -> "could not delete held upload " + heldFile + " (" + why + "): " + e);
        }
    }
}
