package nl.kunstloc.publieksdata.agreement.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import org.junit.jupiter.api.Test;

class SigningConfirmationTest {

    @Test
    void theNameMatchesWhateverTheCaseAndExtraSpaces() {
        assertThat(SigningConfirmation.namesMatch("  fleur   FESTIVALDIRECTEUR ", "Fleur Festivaldirecteur")).isTrue();
    }

    @Test
    void accentsMatchHoweverTheyWereTyped() {
        String decomposed = Normalizer.normalize("Joëlle Hoëvenaars", Normalizer.Form.NFD);
        assertThat(SigningConfirmation.namesMatch(decomposed, "Joëlle Hoëvenaars")).isTrue();
    }

    @Test
    void aDifferentOrIncompleteNameDoesNotMatch() {
        assertThat(SigningConfirmation.namesMatch("Joelle Hoevenaars", "Joëlle Hoëvenaars")).isFalse();
        assertThat(SigningConfirmation.namesMatch("Fleur", "Fleur Festivaldirecteur")).isFalse();
        assertThat(SigningConfirmation.namesMatch("", "Fleur Festivaldirecteur")).isFalse();
        assertThat(SigningConfirmation.namesMatch(null, "Fleur Festivaldirecteur")).isFalse();
    }

    @Test
    void withoutTheAgreementBoxNothingIsSigned() {
        assertThatThrownBy(() -> new SigningConfirmation("pw", "Fleur Festivaldirecteur", false).requireNameAndAgreement("Fleur Festivaldirecteur"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("agreement.sign.error.notAgreed"));
    }

    @Test
    void aWrongNameSaysWhichNameIsExpected() {
        assertThatThrownBy(() -> new SigningConfirmation("pw", "F. Festival", true).requireNameAndAgreement("Fleur Festivaldirecteur"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("agreement.sign.error.name");
                    assertThat(e.arguments()).containsExactly("Fleur Festivaldirecteur");
                });
    }

    @Test
    void anEmptyPasswordIsRefusedBeforeAnyCheck() {
        assertThatThrownBy(() -> new SigningConfirmation("", "x", true).requirePasswordGiven()).isInstanceOf(UserFacingException.class);
        assertThatCode(() -> new SigningConfirmation("secret", "x", true).requirePasswordGiven()).doesNotThrowAnyException();
    }

    @Test
    void thePasswordNeverAppearsInTheTextOfTheConfirmation() {
        assertThat(new SigningConfirmation("s3cret-pw", "Fleur", true).toString()).doesNotContain("s3cret-pw");
    }
}
