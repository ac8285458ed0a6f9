package nl.kunstloc.publieksdata.agreement.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

class SignaturePageTest {

    private final byte[] original = new AgreementDocument().render(new AgreementTemplates().defaultTemplate(), Examples.details());
    private final String hash = DocumentHash.sha256Hex(original);
    private final SignaturePage signaturePage = new SignaturePage();

    @Test
    void addsOnePageNamingBothSignersAndTheDocumentHash() {
        byte[] signed = signaturePage.renderSigned(original, List.of(Examples.director(hash), Examples.coordinator(hash)));

        int pages = Examples.pages(signed);
        assertThat(pages).isEqualTo(Examples.pages(original) + 1);
        String lastPage = Examples.text(signed, pages, pages);
        assertThat(lastPage)
                .contains("Ondertekeningsblad")
                .contains("VO-2026-0042")
                .contains("Joëlle Hoëvenaars")
                .contains("Pieter van Oosterhout")
                .contains("j.hoevenaars@theater.example")
                .contains("192.0.2.17")
                .contains("2001:db8::7")
                .contains("20 februari 2026 om 14:04:05 CET")
                .contains(hash)
                .contains(SignaturePage.METHOD);
    }

    @Test
    void theSignedFileStartsWithExactlyTheOriginalBytes() {
        byte[] signed = signaturePage.renderSigned(original, List.of(Examples.director(hash)));

        byte[] prefix = Arrays.copyOf(signed, original.length);
        assertThat(prefix).isEqualTo(original);
        assertThat(DocumentHash.verify(prefix, hash)).isTrue();
        assertThat(DocumentHash.verify(signed, hash)).isFalse();
        assertThat(Examples.text(signed, 1, Examples.pages(original))).isEqualTo(Examples.text(original));
    }

    /** Not a check: writes example files for people to look at. Run with -Dagreement.example=true. */
    @Test
    @EnabledIfSystemProperty(named = "agreement.example", matches = "true")
    void writeExamplesForHumans() throws IOException {
        Path target = Path.of("target");
        Files.write(target.resolve("agreement-example.pdf"), original);
        Files.write(target.resolve("agreement-example-signed.pdf"),
                signaturePage.renderSigned(original, List.of(Examples.director(hash), Examples.coordinator(hash))));
    }
}
