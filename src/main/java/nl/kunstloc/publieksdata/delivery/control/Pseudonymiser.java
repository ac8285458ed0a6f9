package nl.kunstloc.publieksdata.delivery.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces a customer id by a keyed hash, so that returning customers can be counted without the portal
 * knowing who they are.
 *
 * <p>The key is derived per institution from one server secret (HKDF-style:
 * {@code key = HMAC-SHA256(secret, "institution:" + id)}): the same customer gets the same pseudonym in every
 * delivery of one institution, different institutions cannot link their customers, and only the one secret
 * needs guarding. Without the secret a pseudonym cannot be reversed by trying all customer numbers.
 *
 * <p>Not thread-safe (a {@link Mac} holds state); use one instance per delivery being read.
 */
public final class Pseudonymiser {

    private static final String HMAC = "HmacSHA256";
    /** 256 bits: HMAC-SHA256 gains nothing from more and loses strength with less. */
    public static final int MIN_SECRET_BYTES = 32;

    private final Mac mac;

    private Pseudonymiser(byte[] institutionKey) {
        this.mac = hmac(institutionKey);
    }

    /** @param serverSecret at least {@value #MIN_SECRET_BYTES} random bytes, kept outside the database */
    public static Pseudonymiser forInstitution(byte[] serverSecret, String institutionId) {
        Objects.requireNonNull(serverSecret, "serverSecret");
        if (serverSecret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the server secret needs at least " + MIN_SECRET_BYTES + " bytes");
        }
        if (institutionId == null || institutionId.isBlank()) {
            throw new IllegalArgumentException("an institution id is required");
        }
        byte[] key = hmac(serverSecret).doFinal(("institution:" + institutionId.strip()).getBytes(StandardCharsets.UTF_8));
        return new Pseudonymiser(key);
    }

    /** 43 characters of base64url (256 bits, no padding), safe in CSV, URLs and file names. */
    public String pseudonym(String customerId) {
        String id = canonical(customerId);
        if (id.isEmpty()) {
            throw new IllegalArgumentException("no customer id to pseudonymise");
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The same customer must hash the same in every export: spreadsheets drop leading zeros of numbers
     * ({@code 000123} becomes {@code 123}) and systems differ in case when the id is an e-mail address.
     */
    static String canonical(String customerId) {
        if (customerId == null) {
            return "";
        }
        String id = customerId.strip().toLowerCase(Locale.ROOT);
        if (!id.isEmpty() && digitsOnly(id)) {
            int zeros = 0;
            while (zeros < id.length() - 1 && id.charAt(zeros) == '0') {
                zeros++;
            }
            id = id.substring(zeros);
        }
        return id;
    }

    private static boolean digitsOnly(String id) {
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac m = Mac.getInstance(HMAC);
            m.init(new SecretKeySpec(key, HMAC));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
