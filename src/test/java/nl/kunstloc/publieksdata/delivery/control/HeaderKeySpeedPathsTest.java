package nl.kunstloc.publieksdata.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The per-row short cuts of the header rules (issue 12, speed) give what the rules themselves give:
 * {@link HeaderVocabulary#key} against {@link HeaderVocabulary#slowKey} (accents off by NFD, lower case,
 * only letters and digits), {@code hasKey} and {@code keyStartsOrIs} against the key.
 */
class HeaderKeySpeedPathsTest {

    /** Letters and signs exports really hold, accented and not, plus some beyond the Latin range. */
    private static final String ALPHABET = "aAzZ09 -_#.,;()€$£'\"éÉèëïÏöÖüçñßæøÅåĳĲǅǄŉſİıΣσςКкK\u0301\u0323\u00A0\u2003\uD83C\uDFAD";

    @Test
    void everyCharacterHasTheKeyOfTheRule() {
        for (char c = 0; c < 0x3000; c++) {
            String s = String.valueOf(c);
            assertThat(HeaderVocabulary.key(s)).as("U+%04X", (int) c).isEqualTo(HeaderVocabulary.slowKey(s));
            assertThat(HeaderVocabulary.key("a" + s + "b")).as("a U+%04X b", (int) c)
                    .isEqualTo(HeaderVocabulary.slowKey("a" + s + "b"));
        }
    }

    @Test
    void mixedTextHasTheKeyOfTheRule() {
        Random random = new Random(12);
        for (String s : texts(random, 20_000)) {
            assertThat(HeaderVocabulary.key(s)).as(s).isEqualTo(HeaderVocabulary.slowKey(s));
        }
    }

    @Test
    void hasKeyAgreesWithTheKey() {
        Random random = new Random(13);
        List<String> texts = texts(random, 3_000);
        texts.addAll(List.of("Prijs", "€ 12,50", "Événement", "EVENEMENT", "Order #", "ordernr", "Σ Totaal"));
        for (int i = 0; i < texts.size(); i++) {
            String cell = texts.get(i);
            for (String other : List.of(texts.get((i + 1) % texts.size()), cell, cell.toUpperCase(), "evenement", "prijs", "")) {
                String key = HeaderVocabulary.slowKey(other);
                assertThat(HeaderVocabulary.hasKey(cell, key)).as("%s / %s", cell, key)
                        .isEqualTo(HeaderVocabulary.slowKey(cell).equals(key));
            }
        }
    }

    @Test
    void theSummaryWordCheckAgreesWithTheKey() {
        List<String> prefixes = List.of("tota", "subtota", "eindtota", "grandtota");
        List<String> words = List.of("som", "sum");
        Random random = new Random(14);
        List<String> texts = texts(random, 5_000);
        texts.addAll(List.of("Totaal", "TOTAL:", "Sub-totaal", "Eindtotaal (€)", "Grand Total", "Som", "SUM", "Sum 2",
                "Somme", "Tôtäl", "Σ", "sømething", "#", "", "Subtotaal voor alle voorstellingen van dit seizoen", "s o m"));
        for (String text : texts) {
            String key = HeaderVocabulary.slowKey(text);
            boolean expected = prefixes.stream().anyMatch(key::startsWith) || words.contains(key);
            assertThat(HeaderVocabulary.keyStartsOrIs(text, prefixes, words)).as(text).isEqualTo(expected);
        }
        assertThat(HeaderVocabulary.keyStartsOrIs(null, prefixes, words)).isFalse();
        // candidates that overlap each other: a word that is a prefix's beginning, a prefix inside a word
        List<String> otherPrefixes = List.of("tot", "sumx", "nr1");
        List<String> otherWords = List.of("to", "sum", "t", "nr");
        for (String text : texts) {
            String key = HeaderVocabulary.slowKey(text);
            boolean expected = otherPrefixes.stream().anyMatch(key::startsWith) || otherWords.contains(key);
            assertThat(HeaderVocabulary.keyStartsOrIs(text, otherPrefixes, otherWords)).as(text).isEqualTo(expected);
        }
        for (String text : List.of("T", "to", "TO!", "Tot", "sum", "Sumx", "su", "#", "# 1", "n r")) {
            String key = HeaderVocabulary.slowKey(text);
            boolean expected = otherPrefixes.stream().anyMatch(key::startsWith) || otherWords.contains(key);
            assertThat(HeaderVocabulary.keyStartsOrIs(text, otherPrefixes, otherWords)).as(text).isEqualTo(expected);
        }
    }

    private static List<String> texts(Random random, int n) {
        List<String> texts = new ArrayList<>();
        String[] seeds = {"tota", "Totaal", "som", "Sum", "Événement", "prijs", "order", "t", "su", "#", "Sub", "Eind"};
        for (int i = 0; i < n; i++) {
            StringBuilder s = new StringBuilder();
            if (random.nextInt(3) == 0) {
                s.append(seeds[random.nextInt(seeds.length)]);
            }
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                int at = random.nextInt(ALPHABET.length());
                char c = ALPHABET.charAt(at);
                if (Character.isHighSurrogate(c) && at + 1 < ALPHABET.length()) {
                    s.append(c).append(ALPHABET.charAt(at + 1));
                } else if (!Character.isLowSurrogate(c)) {
                    s.append(c);
                }
            }
            texts.add(s.toString());
        }
        return texts;
    }
}
