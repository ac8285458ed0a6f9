package nl.kunstloc.publieksdata.delivery.entity;

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
 */
public record Preview(String fileName, FileFormat format, Optional<Dialect> dialect, List<String> headers,
                      MappingProposal proposal, List<List<String>> rows) {

    public Preview {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
