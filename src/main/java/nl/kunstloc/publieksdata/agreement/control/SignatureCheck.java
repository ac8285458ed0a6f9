package nl.kunstloc.publieksdata.agreement.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import nl.kunstloc.publieksdata.agreement.entity.Signature;

/**
 * Decides whether a signature belongs to the document we hold. A director signs what they saw; if the
 * stored PDF was re-rendered or altered since, the signature says nothing about it.
 */
@ApplicationScoped
public class SignatureCheck {

    public SignatureCheck() {
    }

    /** True when the signature's recorded hash is the hash of this document. */
    public boolean signs(Signature signature, byte[] document) {
        return DocumentHash.verify(document, signature.documentSha256());
    }

    /** @throws SignatureMismatchException naming the first signer whose hash does not match */
    public void requireAllSign(List<Signature> signatures, byte[] document) {
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("at least one signature is needed");
        }
        String actual = DocumentHash.sha256Hex(document);
        for (Signature s : signatures) {
            if (!signs(s, document)) {
                throw new SignatureMismatchException("the signature of " + s.signerName() + " (" + s.role()
                        + ") is for document " + s.documentSha256() + ", not for the stored document " + actual);
            }
        }
    }
}
