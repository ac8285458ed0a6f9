package nl.kunstloc.publieksdata.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PseudonymiserTest {

    static final byte[] SECRET = "a server secret of at least 32 bytes....".getBytes(StandardCharsets.US_ASCII);

    @Test
    void isStableAcrossDeliveriesOfOneInstitution() {
        String first = Pseudonymiser.forInstitution(SECRET, "42").pseudonym("C001");
        String second = Pseudonymiser.forInstitution(SECRET, "42").pseudonym("C001");
        assertThat(first).isEqualTo(second).hasSize(43).matches("[A-Za-z0-9_-]+").doesNotContain("C001");
    }

    @Test
    void differsBetweenInstitutionsAndCustomers() {
        Pseudonymiser theatre = Pseudonymiser.forInstitution(SECRET, "42");
        Pseudonymiser museum = Pseudonymiser.forInstitution(SECRET, "43");
        assertThat(theatre.pseudonym("C001")).isNotEqualTo(museum.pseudonym("C001"));
        assertThat(theatre.pseudonym("C001")).isNotEqualTo(theatre.pseudonym("C002"));
    }

    @Test
    void dependsOnTheServerSecret() {
        byte[] other = SECRET.clone();
        other[0] ^= 1;
        assertThat(Pseudonymiser.forInstitution(other, "42").pseudonym("C001"))
                .isNotEqualTo(Pseudonymiser.forInstitution(SECRET, "42").pseudonym("C001"));
    }

    @Test
    void isTheDocumentedConstructionSoOtherToolsCanReproduceIt() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        byte[] key = mac.doFinal("institution:42".getBytes(StandardCharsets.UTF_8));
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] expected = mac.doFinal("c001".getBytes(StandardCharsets.UTF_8));
        String expectedText = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(expected);
        assertThat(Pseudonymiser.forInstitution(SECRET, "42").pseudonym("C001")).isEqualTo(expectedText);
        assertThat(HexFormat.of().formatHex(expected)).hasSize(64);
    }

    @Test
    void treatsTheSameCustomerWrittenDifferentlyAsOne() {
        Pseudonymiser p = Pseudonymiser.forInstitution(SECRET, "42");
        assertThat(p.pseudonym("000123")).isEqualTo(p.pseudonym("123")).isEqualTo(p.pseudonym(" 123 "));
        assertThat(p.pseudonym("Anna@Example.nl")).isEqualTo(p.pseudonym("anna@example.nl"));
        assertThat(p.pseudonym("0")).isEqualTo(p.pseudonym("000"));
    }

    @Test
    void refusesAWeakSecretOrNoCustomer() {
        assertThatThrownBy(() -> Pseudonymiser.forInstitution(new byte[16], "42")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> Pseudonymiser.forInstitution(SECRET, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pseudonymiser.forInstitution(SECRET, "42").pseudonym(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
