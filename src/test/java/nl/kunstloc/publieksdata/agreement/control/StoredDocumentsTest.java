package nl.kunstloc.publieksdata.agreement.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;
import nl.kunstloc.publieksdata.agreement.entity.Agreement;
import nl.kunstloc.publieksdata.agreement.entity.AgreementSignature;
import org.junit.jupiter.api.Test;

/** A document changed after it was generated or signed is detected and never handed out. */
class StoredDocumentsTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final byte[] PDF = new AgreementDocument().render(new AgreementTemplates().defaultTemplate(), Examples.details());

    static Agreement signedAgreement() {
        Agreement a = new Agreement(Examples.details(), 7L, 1, PDF, DocumentHash.sha256Hex(PDF), null, "p-1", NOW);
        a.offerForSignature(NOW);
        String sha = DocumentHash.sha256Hex(PDF);
        a.signByDirector(new AgreementSignature(a, "director@theater.example", Examples.director(sha)), NOW);
        byte[] signed = new SignaturePage().renderSigned(PDF, List.of(Examples.director(sha), Examples.coordinator(sha)));
        a.countersign(new AgreementSignature(a, "coordinator@kunstloc.example", Examples.coordinator(sha)), signed, DocumentHash.sha256Hex(signed));
        return a;
    }

    @Test
    void untouchedDocumentsAreHandedOut() {
        Agreement a = signedAgreement();
        assertThat(StoredDocuments.original(a)).isEqualTo(PDF);
        assertThat(DocumentHash.sha256Hex(StoredDocuments.signed(a))).isEqualTo(a.getSignedSha256());
        assertThat(StoredDocuments.intact(a)).isTrue();
    }

    @Test
    void anOriginalChangedInTheDatabaseIsRefused() throws Exception {
        Agreement a = signedAgreement();
        byte[] changed = PDF.clone();
        changed[changed.length / 2] ^= 1;
        overwrite(a, "originalPdf", changed);
        assertThatThrownBy(() -> StoredDocuments.original(a)).isInstanceOf(TamperedDocumentException.class)
                .hasMessageContaining("VO-2026-0042");
        assertThat(StoredDocuments.intact(a)).isFalse();
    }

    @Test
    void aSignedDocumentChangedAfterSigningIsRefused() throws Exception {
        Agreement a = signedAgreement();
        byte[] signed = a.signedPdf().orElseThrow();
        signed[signed.length - 200] ^= 1;
        overwrite(a, "signedPdf", signed);
        assertThatThrownBy(() -> StoredDocuments.signed(a)).isInstanceOf(TamperedDocumentException.class);
    }

    @Test
    void aSignedDocumentWhoseHashWasRecomputedButWhoseSignedPartChangedIsRefused() throws Exception {
        // somebody who edits the signed file and also updates signed_sha256 still cannot change what was signed
        Agreement a = signedAgreement();
        byte[] signed = a.signedPdf().orElseThrow();
        signed[100] ^= 1;
        overwrite(a, "signedPdf", signed);
        overwrite(a, "signedSha256", DocumentHash.sha256Hex(signed));
        assertThatThrownBy(() -> StoredDocuments.signed(a)).isInstanceOf(TamperedDocumentException.class);
    }

    /** What an UPDATE in the database does to the row; the entity itself offers no way to change its bytes. */
    private static void overwrite(Agreement a, String field, Object value) throws Exception {
        Field f = Agreement.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(a, value);
    }
}
