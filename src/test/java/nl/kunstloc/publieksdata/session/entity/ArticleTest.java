package nl.kunstloc.publieksdata.session.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import nl.kunstloc.publieksdata.institution.entity.InstitutionType;
import org.junit.jupiter.api.Test;

class ArticleTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void tagsAreNormalisedAndEverythingIsInTheSearchText() {
        Article a = new Article(" Jongeren bereiken ", "Festivals", "Wat werkt.", List.of(" Jongeren ", "jongeren", "Social  Media", ""),
                List.of(InstitutionType.FESTIVAL), null, "c@x.nl", NOW);
        assertThat(a.getTags()).containsExactly("jongeren", "social media");
        assertThat(a.getTitle()).isEqualTo("Jongeren bereiken");
        a.append("Evaluatie: goed.", NOW);
        assertThat(a.getBody()).isEqualTo("Wat werkt.\n\nEvaluatie: goed.");
        assertThat(a.getTeaser()).contains("Wat werkt.");
    }

    @Test
    void anArticleNeedsTitleThemeBodyAndSensibleTags() {
        assertThatThrownBy(() -> new Article(" ", "t", "b", List.of(), List.of(), null, "c", NOW)).hasMessageContaining("session.article.error.title");
        assertThatThrownBy(() -> new Article("t", "", "b", List.of(), List.of(), null, "c", NOW)).hasMessageContaining("session.article.error.theme");
        assertThatThrownBy(() -> new Article("t", "t", " ", List.of(), List.of(), null, "c", NOW)).hasMessageContaining("session.article.error.body");
        assertThatThrownBy(() -> new Article("t", "t", "b", List.of("x"), List.of(), null, "c", NOW)).hasMessageContaining("session.article.error.tag");
        assertThatThrownBy(() -> new Article("t", "t", "b", Collections.nCopies(13, "").stream().map(s -> "tag" + Math.random()).toList(),
                List.of(), null, "c", NOW)).hasMessageContaining("session.article.error.tooManyTags");
    }
}
