package nl.kunstloc.publieksdata.agreement.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholderTemplateTest {

    @Test
    void fillsPlaceholdersWithEscapedValues() {
        String html = new PlaceholderTemplate("<p>{{institution.name}} – {{ breach.hours }} uur</p>")
                .fill(Map.of("institution.name", "A <script>alert('x')</script> & \"B\"", "breach.hours", "48"));

        assertThat(html).isEqualTo("<p>A &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;B&quot; – 48 uur</p>");
    }

    @Test
    void unknownPlaceholdersFailLoudlyAndAreAllNamed() {
        PlaceholderTemplate template = new PlaceholderTemplate("{{institution.name}} {{retention.monhts}} {{foo}}");

        assertThatThrownBy(() -> template.fill(Map.of("institution.name", "X")))
                .isInstanceOf(UnknownPlaceholderException.class)
                .hasMessageContaining("retention.monhts")
                .hasMessageContaining("foo")
                .satisfies(e -> assertThat(((UnknownPlaceholderException) e).unknown()).containsExactlyInAnyOrder("retention.monhts", "foo"));
    }

    @Test
    void malformedPlaceholdersAreRefusedWhenTheTemplateIsRead() {
        assertThatThrownBy(() -> new PlaceholderTemplate("<p>{{ retention months }}</p>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed");
        assertThatThrownBy(() -> new PlaceholderTemplate("<p>{{breach.hours}</p>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed");
    }

    @Test
    void aValueThatLooksLikeAPlaceholderIsPrintedNotExpanded() {
        String html = new PlaceholderTemplate("{{a}}").fill(Map.of("a", "{{b}}", "b", "secret"));

        assertThat(html).isEqualTo("{{b}}");
    }

    @Test
    void controlCharactersCannotBreakTheXhtml() {
        assertThat(PlaceholderTemplate.escapeHtml("a\u0000b\u0007c")).isEqualTo("a b c");
    }

    @Test
    void theDefaultTemplateUsesExactlyTheKnownPlaceholders() {
        var template = new AgreementTemplates().defaultTemplate();

        assertThat(new PlaceholderTemplate(template.bodyHtml()).placeholders())
                .containsExactlyInAnyOrderElementsOf(AgreementDocument.PLACEHOLDERS);
        assertThat(AgreementDocument.values(template, Examples.details()).keySet())
                .containsExactlyInAnyOrderElementsOf(AgreementDocument.PLACEHOLDERS);
    }
}
