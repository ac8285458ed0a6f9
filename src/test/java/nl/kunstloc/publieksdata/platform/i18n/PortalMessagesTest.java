package nl.kunstloc.publieksdata.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PortalMessagesTest {

    @Test
    void dutchIsTheDefaultAndEnglishIsAvailable() {
        ResourceBundle nl = ResourceBundle.getBundle(PortalMessages.class.getName(), Locale.forLanguageTag("nl"));
        ResourceBundle en = ResourceBundle.getBundle(PortalMessages.class.getName(), Locale.ENGLISH);
        assertThat(nl.getString("tasks.inbox.title")).isEqualTo("Mijn taken");
        assertThat(en.getString("tasks.inbox.title")).isEqualTo("My tasks");
    }

    @Test
    void everyFeatureFileHasTheSameKeysInDutchAndEnglish() throws java.io.IOException {
        for (String file : PortalMessages.FILES) {
            Set<String> nl = keys("i18n/" + file + "_nl.properties");
            Set<String> en = keys("i18n/" + file + "_en.properties");
            assertThat(difference(nl, en)).as(file + ": keys without English").isEmpty();
            assertThat(difference(en, nl)).as(file + ": keys without Dutch").isEmpty();
        }
    }

    private static Set<String> keys(String resource) throws java.io.IOException {
        var in = PortalMessages.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            return Set.of();
        }
        try (in) {
            java.util.Properties p = new java.util.Properties();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            return new TreeSet<>(p.stringPropertyNames());
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
