package nl.kunstloc.publieksdata.agreement.control;

import java.util.Arrays;
import nl.kunstloc.publieksdata.agreement.entity.Agreement;

/**
 * Hands out an agreement's PDFs only after checking them against the hashes recorded when they were
 * made: a document changed after signing is refused, never served.
 */
public final class StoredDocuments {

    private StoredDocuments() {
    }

    /** @throws TamperedDocumentException when the original no longer hashes to the recorded value */
    public static byte[] original(Agreement agreement) {
        byte[] pdf = agreement.originalPdf();
        if (!DocumentHash.verify(pdf, agreement.getOriginalSha256())) {
            throw new TamperedDocumentException(agreement.getNumber(), "original");
        }
        return pdf;
    }

    /**
     * The signed PDF, checked twice: against its own recorded hash, and its first bytes against the
     * hash the signers signed (the signatures page is an incremental update after the original).
     *
     * @throws TamperedDocumentException on either mismatch
     * @throws IllegalStateException when the agreement is not signed yet
     */
    public static byte[] signed(Agreement agreement) {
        byte[] pdf = agreement.signedPdf().orElseThrow(() ->
                new IllegalStateException("agreement " + agreement.getNumber() + " is not signed yet"));
        if (!DocumentHash.verify(pdf, agreement.getSignedSha256())) {
            throw new TamperedDocumentException(agreement.getNumber(), "signed");
        }
        byte[] original = agreement.originalPdf();
        boolean startsWithSigned = pdf.length > original.length
                && DocumentHash.verify(Arrays.copyOf(pdf, original.length), agreement.getOriginalSha256());
        if (!startsWithSigned) {
            throw new TamperedDocumentException(agreement.getNumber(), "signed");
        }
        return pdf;
    }

    /** For the detail page: are the stored documents as recorded? */
    public static boolean intact(Agreement agreement) {
        try {
            original(agreement);
            if (agreement.isSigned()) {
                signed(agreement);
            }
            return true;
        } catch (TamperedDocumentException e) {
            return false;
        }
    }
}
