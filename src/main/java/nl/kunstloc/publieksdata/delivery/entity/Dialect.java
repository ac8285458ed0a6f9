package nl.kunstloc.publieksdata.delivery.entity;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * How a text export is written, as detected from its first bytes. Shown in the preview so that a user
 * who sees garbled accents knows why.
 *
 * @param delimiter  one of {@code ; , TAB |}
 * @param charset    UTF-8 or windows-1252 (which also reads ISO-8859-1 text correctly)
 * @param byteOrderMark whether the file started with a UTF-8 BOM (Excel's "CSV UTF-8")
 * @param lineEnding {@code CRLF}, {@code LF} or {@code CR}
 */
public record Dialect(char delimiter, Charset charset, boolean byteOrderMark, String lineEnding) {

    public Dialect {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(lineEnding, "lineEnding");
    }

    /** For display: {@code TAB} instead of an invisible character. */
    public String delimiterName() {
        return delimiter == '\t' ? "TAB" : String.valueOf(delimiter);
    }
}
