package nl.kunstloc.publieksdata.delivery.control;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kunstloc.publieksdata.delivery.entity.CanonicalField;
import nl.kunstloc.publieksdata.delivery.entity.ColumnMapping;

/**
 * A column mapping as one line per field ({@code FIELD=header}, the header URL-encoded because an
 * export header may hold any character), for the delivery and the saved mappings; and the signature
 * of a header row, to find a saved mapping for the next export of the same shape.
 */
public final class MappingText {

    private MappingText() {
    }

    public static String write(ColumnMapping mapping) {
        StringBuilder text = new StringBuilder();
        mapping.byHeader().forEach((header, field) ->
                text.append(field.name()).append('=').append(URLEncoder.encode(header, StandardCharsets.UTF_8)).append('\n'));
        return text.toString();
    }

    public static ColumnMapping read(String text) {
        Map<String, CanonicalField> byHeader = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                byHeader.put(URLDecoder.decode(line.substring(eq + 1), StandardCharsets.UTF_8),
                        CanonicalField.valueOf(line.substring(0, eq)));
            }
        }
        return ColumnMapping.of(byHeader);
    }

    /** Same headers in the same order, whatever the case or surrounding blanks: same signature. */
    public static String signature(List<String> headers) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String h : headers) {
                sha.update((h == null ? "" : h.strip().toLowerCase(java.util.Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
