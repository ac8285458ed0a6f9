package nl.kunstloc.publieksdata.agreement.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * A signature given in the portal: the signer confirmed with their password that they agree to the
 * document whose SHA-256 is recorded here. The hash ties the signature to exactly one rendering.
 *
 * @param documentSha256 lower-case hex SHA-256 of the unsigned agreement PDF
 */
public record Signature(String signerName, SignerRole role, String email, Instant signedAt, String documentSha256, String clientIp) {

    public Signature {
        signerName = required(signerName, "signerName");
        Objects.requireNonNull(role, "role");
        email = required(email, "email");
        Objects.requireNonNull(signedAt, "signedAt");
        documentSha256 = required(documentSha256, "documentSha256").toLowerCase(java.util.Locale.ROOT);
        clientIp = required(clientIp, "clientIp");
        if (!documentSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("documentSha256 must be 64 hex characters");
        }
        if (!email.contains("@")) {
            throw new IllegalArgumentException("email must be an e-mail address");
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("signature." + field + " is required");
        }
        return value.strip();
    }
}
