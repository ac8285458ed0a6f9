package nl.kunstloc.publieksdata.agreement.control;

import java.text.Normalizer;
import java.util.Locale;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;

/**
 * What a signer confirms on the signing page: their password, their full name typed out, and the
 * explicit "I agree" box. Three separate acts, so nobody signs by pressing Enter by accident.
 */
public record SigningConfirmation(String password, String typedName, boolean agreed) {

    /**
     * @param expectedName the signer's own name as the portal knows it
     * @throws UserFacingException telling which of the three is missing or wrong (password checked by the caller)
     */
    public void requireNameAndAgreement(String expectedName) {
        if (!agreed) {
            throw new UserFacingException("agreement.sign.error.notAgreed");
        }
        if (!namesMatch(typedName, expectedName)) {
            throw new UserFacingException("agreement.sign.error.name", expectedName);
        }
    }

    public void requirePasswordGiven() {
        if (password == null || password.isEmpty()) {
            throw new UserFacingException("agreement.sign.error.password");
        }
    }

    /**
     * Case-insensitive and tolerant of extra spaces and of how accents were typed (composed or not),
     * but not of missing letters: "joëlle  hoëvenaars" matches, "Joelle Hoevenaars" does not.
     */
    static boolean namesMatch(String typed, String expected) {
        if (typed == null || expected == null || typed.isBlank()) {
            return false;
        }
        return normalise(typed).equals(normalise(expected));
    }

    private static String normalise(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        // never print the password, e.g. in a log line
        return "SigningConfirmation[typedName=" + typedName + ", agreed=" + agreed + "]";
    }
}
