package nl.kunstloc.publieksdata.report.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.Reference;
import org.junit.jupiter.api.Test;

class ReportTablesTest {

    static final Locale NL = Locale.forLanguageTag("nl");

    @Test
    void a_postcode_area_with_three_customers_shows_less_than_ten_and_its_penetration_is_withheld_too() {
        ReportTables tables = new ReportTables(SampleFigures.figures(), NL);
        ReportTable postcodes = tables.postcodes();
        List<Cell> small = postcodes.rows().stream().filter(r -> r.get(0).text().equals(SampleFigures.SMALL)).findFirst().orElseThrow();

        assertThat(small.get(2).text()).isEqualTo("< 10");
        assertThat(small.get(2).number()).isNull();
        assertThat(small.get(4).suppressed()).as("per 1,000 inhabitants × population would give the count back").isTrue();
        assertThat(small.get(3).number()).as("the population is public and stays").isPositive();
    }

    @Test
    void one_withheld_count_beside_a_total_cannot_be_worked_out_from_the_others() {
        List<Double> counts = List.of(120.0, 45.0, 3.0, 30.0);
        double total = 198;
        boolean[] hidden = Suppression.withhold(counts);

        double shownSum = 0;
        int withheld = 0;
        for (int i = 0; i < counts.size(); i++) {
            if (hidden[i]) {
                withheld++;
            } else {
                shownSum += counts.get(i);
            }
        }
        assertThat(hidden[2]).isTrue();
        assertThat(withheld).as("a second cell is withheld").isEqualTo(2);
        // an attacker knows only the total and the shown cells: the rest is a sum of two withheld cells, not the 3
        assertThat(total - shownSum).isNotEqualTo(3.0);
        assertThat(hidden[3]).as("the next smallest is the second withheld cell").isTrue();
    }

    @Test
    void ten_is_shown_zero_is_not_and_the_partner_of_a_small_cell_shows_x() {
        assertThat(Suppression.withhold(List.of(10.0, 25.0, 30.0))).containsExactly(false, false, false);
        assertThat(Suppression.withhold(List.of(9.4, 50.0, 60.0))).containsExactly(true, true, false);
        assertThat(Suppression.marks(List.of(9.4, 50.0, 60.0))).containsExactly("< 10", "x", null);
        assertThat(Suppression.withhold(List.of(0.0, 50.0, 60.0))[0]).as("nobody and a few look the same").isTrue();
    }

    @Test
    void the_profile_shares_add_up_and_the_index_is_share_over_reference_share() {
        AudienceFigures f = SampleFigures.figures();
        ReportTable profile = new ReportTables(f, Locale.ENGLISH).profile(Reference.PROVINCE);

        double shares = profile.rows().stream().map(r -> r.get(2).number()).filter(n -> n != null).mapToDouble(Double::doubleValue).sum();
        assertThat(shares).isBetween(99.0, 101.0);
        var first = f.segments().get(0);
        double expected = Math.round(100 * (first.people() / f.basis().peoplePlaced())
                / (first.populationProvince() / f.segments().stream().mapToDouble(s -> s.populationProvince()).sum()));
        assertThat(profile.rows().get(0).get(4).number()).isEqualTo(expected);
    }

    @Test
    void match_rate_and_period_read_as_a_person_writes_them() {
        ReportTables tables = new ReportTables(SampleFigures.figures(), NL);
        assertThat(tables.matchRate()).isEqualTo("100,0 %");
        assertThat(tables.period()).matches("\\d{1,2} \\S+ 2025 – \\d{1,2} \\S+ 2026");
    }

    @Test
    void the_map_values_withhold_what_the_table_withholds() {
        AudienceFigures f = SampleFigures.figures();
        String json = new ReportTables(f, NL).mapValues();
        ReportTable municipalities = new ReportTables(f, NL).municipalities();
        long withheld = municipalities.rows().stream().filter(r -> r.get(1).suppressed()).count();
        assertThat(json.split("\"v\":null", -1).length - 1).isEqualTo((int) withheld);
        assertThat(json).contains("\"GM0772\":{\"v\":");
    }
}
