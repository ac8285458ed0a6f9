package nl.kunstloc.publieksdata.dashboard.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessFactsTest {

    static final Map<String, String> TEXTS = Map.of(
            "workflow.variable.agreementId", "Overeenkomst",
            "workflow.variable.agreementId.value", "overeenkomst #{0}",
            "workflow.variable.directorDecision", "Besluit van de directeur",
            "workflow.variable.directorDecision.signed", "getekend",
            "workflow.variable.renewalReminderDate", "Herinnering verlenging op",
            "workflow.variable.institutionId", "Instelling",
            "dashboard.value.yes", "ja");
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void labelsValuesAndLinksInsteadOfRawVariables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("agreementId", 1234L);
        variables.put("directorDecision", "signed");
        // 26 Sep 2028 23:00 UTC is midnight of the 27th in Amsterdam: a date, no time
        variables.put("renewalReminderDate", Date.from(Instant.parse("2028-09-26T22:00:00Z")));
        variables.put("institutionId", 7L);
        variables.put("institutionName", "Theater aan de Dommel");
        variables.put("initiator", "coordinator@kunstloc.nl");
        variables.put("regenerate", true);

        var facts = ProcessFacts.of(variables, key -> Optional.ofNullable(TEXTS.get(key)), Locale.forLanguageTag("nl"), AMSTERDAM);

        assertThat(facts).extracting(ProcessFacts.Fact::label)
                .containsExactly("Overeenkomst", "Besluit van de directeur", "Herinnering verlenging op", "Instelling", "Regenerate");
        assertThat(facts).extracting(ProcessFacts.Fact::value)
                .containsExactly("overeenkomst #1234", "getekend", "27 september 2028", "Theater aan de Dommel", "ja");
        assertThat(facts).extracting(ProcessFacts.Fact::link)
                .containsExactly("/agreement/detail.xhtml?id=1234", null, null, "/onboarding/institution.xhtml?id=7", null);
    }

    @Test
    void aMomentThatIsNotMidnightKeepsItsTimeInTheReadersZone() {
        assertThat(ProcessFacts.moment(Instant.parse("2026-03-02T08:30:00Z"), Locale.ENGLISH, AMSTERDAM))
                .isEqualTo("2 March 2026 09:30");
    }

    @Test
    void namesWithoutATextBecomeWords() {
        assertThat(ProcessFacts.humanise("renewalReminderDate")).isEqualTo("Renewal reminder date");
    }
}
