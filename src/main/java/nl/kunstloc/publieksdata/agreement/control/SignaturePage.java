package nl.kunstloc.publieksdata.agreement.control;

import static nl.kunstloc.publieksdata.agreement.control.PlaceholderTemplate.escapeHtml;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import nl.kunstloc.publieksdata.agreement.entity.Signature;

/**
 * Appends a signatures page ("ondertekeningsblad") to a signed agreement.
 *
 * <p>The page is added as a PDF incremental update: the signed file starts with exactly the bytes of
 * the original, and the new page, page-tree entries and cross-reference table are appended after
 * them. So the original is not merely "the same pages" but the same bytes, and anyone can verify the
 * recorded SHA-256 over the first <i>n</i> bytes of the signed file, with no portal involved.
 */
@ApplicationScoped
public class SignaturePage {

    static final String METHOD = "ondertekend via het portaal met wachtwoordbevestiging";
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'om' HH:mm:ss z", AgreementDocument.DUTCH);

    private final SignatureCheck check;

    public SignaturePage() {
        this(new SignatureCheck());
    }

    SignaturePage(SignatureCheck check) {
        this.check = Objects.requireNonNull(check);
    }

    /**
     * @param originalPdf the agreement exactly as it was shown and signed
     * @param signatures in signing order; each must carry the hash of {@code originalPdf}
     * @return the original bytes followed by an incremental update that adds the signatures page
     * @throws SignatureMismatchException if a signature was given for another document
     */
    public byte[] renderSigned(byte[] originalPdf, List<Signature> signatures) {
        check.requireAllSign(signatures, originalPdf);
        try (PDDocument signed = Loader.loadPDF(originalPdf)) {
            String number = Objects.requireNonNullElse(
                    signed.getDocumentInformation().getCustomMetadataValue(AgreementDocument.INFO_AGREEMENT_NUMBER), "(onbekend)");
            String templateVersion = Objects.requireNonNullElse(
                    signed.getDocumentInformation().getCustomMetadataValue(AgreementDocument.INFO_TEMPLATE_VERSION), "?");
            String xhtml = pageHtml(number, templateVersion, signed.getNumberOfPages(), originalPdf.length,
                    DocumentHash.sha256Hex(originalPdf), signatures);
            Map<String, String> info = new LinkedHashMap<>();
            info.put("Title", "Ondertekeningsblad " + number);
            byte[] sheet = XhtmlToPdf.render(xhtml, info);
            try (PDDocument sheetDocument = Loader.loadPDF(sheet)) {
                for (PDPage page : sheetDocument.getPages()) {
                    signed.importPage(page);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(originalPdf.length + sheet.length);
                // PDFBox 3 tracks which objects changed (page tree, new page) and appends only those.
                signed.saveIncremental(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not add the signatures page", e);
        }
    }

    private static String pageHtml(String number, String templateVersion, int pages, int size, String sha256, List<Signature> signatures) {
        StringBuilder html = new StringBuilder(4096);
        html.append("""
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="nl"><head><meta charset="UTF-8"/>
                <title>Ondertekeningsblad</title>
                <style>
                  @page { size: A4; margin: 26mm 20mm 22mm 20mm;
                    @top-center { content: element(header); }
                    @bottom-left { content: "Ondertekeningsblad"; font-family: 'DejaVu Sans'; font-size: 7.5pt; color: #666; }
                    @bottom-right { content: "blad " counter(page) " van " counter(pages); font-family: 'DejaVu Sans'; font-size: 7.5pt; color: #666; } }
                  body { font-family: 'DejaVu Sans'; font-size: 9pt; line-height: 1.4; color: #1a1a1a; }
                  #header { position: running(header); font-family: 'DejaVu Sans'; font-size: 7.5pt; color: #555; width: 100%; }
                  #header table { margin: 0; border-bottom: 0.5pt solid #999; }
                  #header td { border: none; padding: 0 0 1.5mm 0; }
                  #header td.right { text-align: right; }
                  h1 { font-size: 16pt; margin: 0 0 4mm 0; color: #0b3d5c; }
                  h2 { font-size: 10.5pt; margin: 5mm 0 1.5mm 0; color: #0b3d5c; }
                  p { margin: 0 0 2mm 0; }
                  table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm 0; page-break-inside: avoid; }
                  td { border: 0.5pt solid #b5b5b5; padding: 1.5mm 2mm; vertical-align: top; }
                  td.label { width: 30%; background-color: #f4f6f8; font-weight: bold; }
                  .hash { font-family: 'DejaVu Sans Mono'; font-size: 7.5pt; }
                  .small { font-size: 7.5pt; color: #555; }
                </style></head><body>
                """);
        html.append("<div id=\"header\"><table><tr><td>Ondertekeningsblad bij verwerkersovereenkomst ")
                .append(escapeHtml(number)).append("</td><td class=\"right\">sjabloon versie ")
                .append(escapeHtml(templateVersion)).append("</td></tr></table></div>\n");
        html.append("<h1>Ondertekeningsblad</h1>\n<p>Dit blad hoort bij verwerkersovereenkomst ").append(escapeHtml(number))
                .append(". Het is na ondertekening toegevoegd; de ").append(pages)
                .append(" pagina’s daarvóór zijn ongewijzigd het document dat is ondertekend.</p>\n");
        html.append("<h2>Ondertekend document</h2>\n<table>")
                .append(row("Overeenkomst", escapeHtml(number)))
                .append(row("Aantal pagina’s", Integer.toString(pages)))
                .append(row("Omvang", size + " bytes"))
                .append(row("SHA-256", "<span class=\"hash\">" + sha256 + "</span>"))
                .append("</table>\n");
        int n = 1;
        for (Signature s : signatures) {
            html.append("<h2>Handtekening ").append(n++).append("</h2>\n<table>")
                    .append(row("Naam", escapeHtml(s.signerName())))
                    .append(row("Rol", escapeHtml(s.role().dutchLabel())))
                    .append(row("E-mailadres", escapeHtml(s.email())))
                    .append(row("Ondertekend op", escapeHtml(WHEN.format(s.signedAt().atZone(AgreementDocument.AMSTERDAM)))
                            + "<br/><span class=\"small\">" + s.signedAt() + " (UTC)</span>"))
                    .append(row("IP-adres", escapeHtml(s.clientIp())))
                    .append(row("Controlewaarde", "<span class=\"hash\">" + escapeHtml(s.documentSha256()) + "</span>"))
                    .append(row("Wijze", METHOD))
                    .append("</table>\n");
        }
        html.append("<p class=\"small\">Controle: de SHA-256 van de eerste ").append(size)
                .append(" bytes van dit bestand is gelijk aan de waarde onder “Ondertekend document”. Dit blad is als ")
                .append("incrementele update achter het ondertekende document geplaatst, zodat die bytes ongewijzigd zijn gebleven.</p>\n");
        html.append("</body></html>\n");
        return html.toString();
    }

    private static String row(String label, String valueHtml) {
        return "<tr><td class=\"label\">" + label + "</td><td>" + valueHtml + "</td></tr>";
    }
}
