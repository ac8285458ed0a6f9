package nl.kunstloc.publieksdata.agreement.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import nl.kunstloc.publieksdata.agreement.entity.AgreementDetails;
import nl.kunstloc.publieksdata.agreement.entity.TemplateVersion;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;

class AgreementDocumentTest {

    private final AgreementDocument documents = new AgreementDocument();
    private final TemplateVersion v1 = new AgreementTemplates().defaultTemplate();

    @Test
    void rendersACompleteAgreementWithTheInstitutionsDetails() {
        byte[] pdf = documents.render(v1, Examples.details());

        assertThat(Examples.pages(pdf)).isGreaterThanOrEqualTo(3);
        String text = Examples.text(pdf);
        assertThat(text)
                .contains("Theater De Ëik & Café")
                .contains("12345678")
                .contains("Joëlle Hoëvenaars")
                .contains("Kunstloc Brabant")
                .contains("1 maart 2026")
                .contains("29 februari 2028")
                .contains("18 maanden")
                .contains("binnen 36 uur")
                .contains("Het PON & Telos")
                .contains("Artikel 16")
                .contains("beëindigd");
    }

    @Test
    void everyPageHasTheHeaderAndAPageNumberOutOfTheTotal() {
        byte[] pdf = documents.render(v1, Examples.details());
        int pages = Examples.pages(pdf);

        for (int page = 1; page <= pages; page++) {
            assertThat(Examples.text(pdf, page, page))
                    .contains("Verwerkersovereenkomst VO-2026-0042")
                    .contains("sjabloon versie 1")
                    .contains("pagina " + page + " van " + pages);
        }
    }

    @Test
    void markupInAnInstitutionNameIsPrintedAsText() {
        byte[] pdf = documents.render(v1, Examples.details("Podium <script>alert(1)</script> & Zn"));

        assertThat(Examples.text(pdf)).contains("Podium <script>alert(1)</script> & Zn");
    }

    @Test
    void theStandardTermIsTwoYearsWithDefaultRetentionAndBreachDeadline() {
        AgreementDetails standard = AgreementDetails.standard("VO-2026-0001", Examples.institution("Museum X"),
                Examples.KUNSTLOC, LocalDate.of(2026, 4, 1));
        String text = Examples.text(documents.render(v1, standard));

        assertThat(standard.endDate()).isEqualTo(LocalDate.of(2028, 3, 31));
        assertThat(text).contains("31 maart 2028").contains("binnen 48 uur").contains("12 maanden");
    }

    @Test
    void onlyTheShippedFontsAreUsedAndTheyAreEmbedded() throws IOException {
        try (PDDocument document = Loader.loadPDF(documents.render(v1, Examples.details()))) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).contains("DejaVu");
                }
            }
        }
    }

    @Test
    void sameInputsGiveTheSameBytesSoTheSignedHashCanBeReproduced() {
        byte[] first = documents.render(v1, Examples.details());
        byte[] second = documents.render(v1, Examples.details());

        assertThat(Examples.text(second)).isEqualTo(Examples.text(first));
        assertThat(second).isEqualTo(first);
        assertThat(documents.render(v1, Examples.details("Ander Theater"))).isNotEqualTo(first);
    }
}
