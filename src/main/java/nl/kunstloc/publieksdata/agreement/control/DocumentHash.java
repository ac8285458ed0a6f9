package nl.kunstloc.publieksdata.agreement.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/** The SHA-256 fingerprint that ties a signature to one exact rendering of an agreement. */
public final class DocumentHash {

    private DocumentHash() {
    }

    /** Lower-case hex SHA-256 of the bytes. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(Objects.requireNonNull(bytes, "bytes")));
    }

    /** True when the bytes hash to the expected value (hex, either case). */
    public static boolean verify(byte[] bytes, String expectedHex) {
        if (bytes == null || expectedHex == null || !expectedHex.matches("[0-9a-fA-F]{64}")) {
            return false;
        }
        // Constant-time comparison: cheap here, and it keeps this usable for anything secret later.
        return MessageDigest.isEqual(
                sha256Hex(bytes).getBytes(StandardCharsets.US_ASCII),
                expectedHex.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
