package nl.kunstloc.publieksdata.reference.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import nl.kunstloc.publieksdata.reference.entity.Municipality;
import org.junit.jupiter.api.Test;

class PostcodeDirectoryTest {

    private static final PostcodeDirectory DIRECTORY = PostcodeDirectory.load();

    @Test
    void hasTheFiftySixMunicipalitiesOfNoordBrabant() {
        assertThat(DIRECTORY.municipalities()).hasSize(56);
        assertThat(DIRECTORY.municipalities().stream().mapToLong(Municipality::population).sum()).isEqualTo(2_626_210L);
        assertThat(DIRECTORY.municipality("GM0855")).map(Municipality::name).contains("Tilburg");
        assertThat(DIRECTORY.municipality(" gm0855 ")).map(Municipality::name).contains("Tilburg");
        assertThat(DIRECTORY.municipality("GM0363")).isEmpty();
        assertThat(DIRECTORY.municipalities()).first().extracting(Municipality::name).isEqualTo("Alphen-Chaam");
        assertThat(DIRECTORY.municipalities().stream().map(Municipality::name))
                .containsSubsequence("Heeze-Leende", "'s-Hertogenbosch", "Heusden");
        assertThat(DIRECTORY.municipality("GM0820")).map(Municipality::name).contains("Nuenen, Gerwen en Nederwetten");
    }

    @Test
    void mapsEveryBrabantPc4ToItsMainMunicipality() {
        assertThat(DIRECTORY.pc4Count()).isEqualTo(518);
        assertThat(DIRECTORY.municipalityOfPc4("5038")).map(Municipality::code).contains("GM0855");
        assertThat(DIRECTORY.municipalityOfPc4("5038 AB")).map(Municipality::code).contains("GM0855");
        // split PC4s go to the municipality with most addresses
        assertThat(DIRECTORY.municipalityOfPc4("5091")).map(Municipality::name).contains("Oirschot");
        assertThat(DIRECTORY.municipalityOfPc4("5383")).map(Municipality::name).contains("'s-Hertogenbosch");
        assertThat(DIRECTORY.municipalityOfPc4("1012")).isEmpty();
        assertThat(DIRECTORY.municipalityOfPc4("nonsense")).isEmpty();
    }

    @Test
    void tellsBrabantFromTheRestOfTheCountry() {
        assertThat(DIRECTORY.isBrabantPc4("4811")).isTrue();
        assertThat(DIRECTORY.isBrabantPc4("5592")).isTrue();
        assertThat(DIRECTORY.isBrabantPc4("3511")).isFalse();
        assertThat(DIRECTORY.isBrabantPc4(null)).isFalse();
    }

    @Test
    void givesThePopulationPerPc4WhereCbsHasIt() {
        assertThat(DIRECTORY.populationOfPc4("5038")).hasValue(15_100);
        assertThat(DIRECTORY.populationOfPc4("5592")).isEmpty();
        assertThat(DIRECTORY.populationOfPc4("5656")).isEmpty();
        assertThat(DIRECTORY.populationOfPc4("1012")).isEmpty();
    }

    @Test
    void theCdiConstructorLoadsOnFirstUse() {
        PostcodeDirectory viaCdi = new PostcodeDirectory();
        assertThat(viaCdi.municipalityOfPc4("5611")).map(Municipality::name).contains("Eindhoven");
    }

    @Test
    void loadsFromAnyStreamsWithTheSameColumns() {
        PostcodeDirectory small = PostcodeDirectory.of(
                stream("gemeentecode,pc4,gemeentenaam,provincie,aantal_adressen,aandeel_adressen_pc4,hoofdgemeente\n"
                        + "GM0855,5038,Tilburg,Noord-Brabant,10,1.0,True\n"),
                stream("gemeentecode,gemeentenaam,provincie,aantal_inwoners\nGM0855,Tilburg,Noord-Brabant,224000\n"),
                stream("pc4,inwoners,inwoners_man,inwoners_vrouw,plaats\n5038,15100,7350,7750,Tilburg\n"));
        assertThat(small.municipalities()).containsExactly(new Municipality("GM0855", "Tilburg", 224_000));
        assertThat(small.isBrabantPc4("5611")).isFalse();
    }

    @Test
    void refusesALinkToAnUnknownMunicipality() {
        assertThatThrownBy(() -> PostcodeDirectory.of(
                stream("gemeentecode,pc4,hoofdgemeente\nGM9999,5038,True\n"),
                stream("gemeentecode,gemeentenaam,aantal_inwoners\nGM0855,Tilburg,1\n"),
                stream("pc4,inwoners\n")))
                .hasMessageContaining("GM9999");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
