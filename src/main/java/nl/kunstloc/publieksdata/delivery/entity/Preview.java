package nl.kunstloc.publieksdata.delivery.entity;

import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;

/**
 * The first rows of an export as the portal will read them, shown before the import starts.
 * Only mapped columns show values: personal-data columns and unknown columns stay blank, because an
 * unknown column may hold personal data under a name we do not recognise.
 *
 * @param dialect empty for XLSX
 * @param headers the header row as in the file
 * @param rows    per row one cell per header, blank where not shown
 *
 * <p>Serializable because the upload page keeps it in its view state, which travels with the session to
 * another node; {@link Optional} and {@link Charset} cannot be serialised, so it travels as {@link SerialForm}.
 */
public record Preview(String fileName, FileFormat format, Optional<Dialect> dialect, List<String> headers,
                      MappingProposal proposal, List<List<String>> rows) implements Serializable {

    public Preview {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
    }

    @Serial
    private Object writeReplace() {
        Dialect d = dialect.orElse(null);
        return new SerialForm(fileName, format, d != null, d == null ? ' ' : d.delimiter(), d == null ? null : d.charset().name(),
                d != null && d.byteOrderMark(), d == null ? null : d.lineEnding(), headers, proposal, rows);
    }

    /** The preview as it is written to a stream: the dialect taken apart into serialisable values. */
    private record SerialForm(String fileName, FileFormat format, boolean hasDialect, char delimiter, String charset,
                              boolean byteOrderMark, String lineEnding, List<String> headers, MappingProposal proposal,
                              List<List<String>> rows) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        @Serial
        private Object readResolve() {
            return new Preview(fileName, format, hasDialect
                    ? Optional.of(new Dialect(delimiter, Charset.forName(charset), byteOrderMark, lineEnding)) : Optional.empty(),
                    headers, proposal, rows);
        }
    }
}
