package nl.kunstloc.publieksdata.agreement.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentHashTest {

    private final AgreementDocument documents = new AgreementDocument();
    private final AgreementTemplates templates = new AgreementTemplates();

    @Test
    void isTheStandardSha256InLowerCaseHex() {
        // FIPS 180-2 test vector
        assertThat(DocumentHash.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void verifyAcceptsEitherCaseAndRejectsGarbage() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertThat(DocumentHash.verify(abc, "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")).isTrue();
        assertThat(DocumentHash.verify(abc, "ba7816bf")).isFalse();
        assertThat(DocumentHash.verify(abc, null)).isFalse();
    }

    @Test
    void aDocumentChangedAfterSigningIsDetected() {
        byte[] pdf = documents.render(templates.defaultTemplate(), Examples.details());
        String signedHash = DocumentHash.sha256Hex(pdf);

        byte[] tampered = pdf.clone();
        tampered[tampered.length / 2] ^= 0x01;

        assertThat(DocumentHash.verify(pdf, signedHash)).isTrue();
        assertThat(DocumentHash.verify(tampered, signedHash)).isFalse();
    }

    @Test
    void aSignatureForAnotherDocumentIsRejected() {
        byte[] stored = documents.render(templates.defaultTemplate(), Examples.details());
        byte[] other = documents.render(templates.defaultTemplate(), Examples.details("Ander Theater"));
        var check = new SignatureCheck();
        var forStored = Examples.director(DocumentHash.sha256Hex(stored));
        var forOther = Examples.coordinator(DocumentHash.sha256Hex(other));

        assertThat(check.signs(forStored, stored)).isTrue();
        assertThat(check.signs(forOther, stored)).isFalse();
        assertThatThrownBy(() -> check.requireAllSign(List.of(forStored, forOther), stored))
                .isInstanceOf(SignatureMismatchException.class)
                .hasMessageContaining("Pieter van Oosterhout");
        assertThatThrownBy(() -> new SignaturePage().renderSigned(stored, List.of(forStored, forOther)))
                .isInstanceOf(SignatureMismatchException.class);
    }
}
