package nl.kunstloc.publieksdata.dashboard.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.kunstloc.publieksdata.dashboard.entity.Disclosed;
import nl.kunstloc.publieksdata.dashboard.entity.Disclosed.Reason;
import org.junit.jupiter.api.Test;

/** The dominance rule with hand-computed cases: ≥ 3 institutions, none > 70 %, ≥ 10 people. */
class DisclosureRuleTest {

    @Test
    void threeInstitutionsNoneDominantTenOrMorePeopleIsShownAsTheirSum() {
        Disclosed f = DisclosureRule.figure(new double[] {40, 35, 25});
        assertThat(f.isShown()).isTrue();
        assertThat(f.value()).isEqualTo(100.0);
    }

    @Test
    void twoInstitutionsAreNotEnoughEvenWithManyPeople() {
        assertThat(DisclosureRule.figure(new double[] {500, 400}).withheld()).isEqualTo(Reason.FEW_INSTITUTIONS);
    }

    @Test
    void anInstitutionWithZeroPeopleDoesNotCountAsContributing() {
        // three institutions in the report, but only two reach anybody here
        assertThat(DisclosureRule.figure(new double[] {500, 0, 400}).withheld()).isEqualTo(Reason.FEW_INSTITUTIONS);
    }

    @Test
    void oneInstitutionAboveSeventyPercentIsDominant() {
        // 71 of 100 = 71 % > 70 %
        assertThat(DisclosureRule.figure(new double[] {71, 15, 14}).withheld()).isEqualTo(Reason.DOMINANT_INSTITUTION);
    }

    @Test
    void exactlySeventyPercentIsStillShown() {
        // 70 of 100 = 70 %, not more than 70 %
        assertThat(DisclosureRule.figure(new double[] {70, 20, 10}).isShown()).isTrue();
    }

    @Test
    void fewerThanTenPeopleAreWithheldAfterRounding() {
        // 3.2 + 3.1 + 3.1 = 9.4, rounds to 9
        assertThat(DisclosureRule.figure(new double[] {3.2, 3.1, 3.1}).withheld()).isEqualTo(Reason.FEW_PEOPLE);
        // 3.4 + 3.3 + 2.9 = 9.6, rounds to 10: shown
        assertThat(DisclosureRule.figure(new double[] {3.4, 3.3, 2.9}).isShown()).isTrue();
    }

    @Test
    void theFirstRuleThatFailsIsTheReasonGiven() {
        // two institutions, one dominant, 5 people: the institutions rule is named
        assertThat(DisclosureRule.figure(new double[] {4, 1}).withheld()).isEqualTo(Reason.FEW_INSTITUTIONS);
    }

    @Test
    void aNegativeContributionIsRefused() {
        assertThatThrownBy(() -> DisclosureRule.figure(new double[] {10, -1, 5})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneWithheldCellBesideAShownTotalTakesTheSmallestShownCellAtLeastAsLargeWithIt() {
        // institutions A, B, C; segments s1..s4
        double[] s1 = {50, 30, 20};  // 100, shown
        double[] s2 = {20, 0, 15};   // 35 from two institutions: withheld, could be total − s1 − s3 − s4
        double[] s3 = {12, 10, 8};   // 30: smaller than 35, a poor partner (35 would be known within 30)
        double[] s4 = {20, 15, 15};  // 50: the smallest of at least 35, withheld too
        double[] total = {102, 55, 58}; // 215: 102/215 = 47.4 %, shown
        DisclosureRule.Column column = DisclosureRule.column(List.of(s1, s2, s3, s4), total);
        assertThat(column.total().value()).isEqualTo(215.0);
        assertThat(column.cells()).extracting(Disclosed::withheld)
                .containsExactly(null, Reason.FEW_INSTITUTIONS, null, Reason.SECONDARY);
        // what a reader can work out: s2 + s4 = 215 − 100 − 30 = 85, so s2 is anywhere from 0 to 85
        assertThat(column.total().value() - column.cells().get(0).value() - column.cells().get(2).value()).isEqualTo(85.0);
    }

    @Test
    void whenNoShownCellIsAsLargeTheLargestIsThePartner() {
        double[] s1 = {10, 5, 5};    // 20
        double[] s2 = {300, 0, 0};   // one institution: withheld
        double[] s3 = {15, 10, 5};   // 30, the largest shown
        DisclosureRule.Column column = DisclosureRule.column(List.of(s1, s2, s3), new double[] {325, 15, 10});
        assertThat(column.total().withheld()).isEqualTo(Reason.DOMINANT_INSTITUTION);
        // the total is withheld too (325 of 350 is one institution's): no partner needed
        assertThat(column.cells()).extracting(Disclosed::withheld).containsExactly(null, Reason.FEW_INSTITUTIONS, null);
        // with a shown total: t1 = 50, t2 = 60 from one institution (withheld), t3 = 30; total 140, 85 of it
        // institution A's = 60.7 %, shown. No shown cell reaches 60: the largest (50) is the partner
        double[] t1 = {10, 20, 20};
        double[] t2 = {60, 0, 0};
        double[] t3 = {15, 10, 5};
        DisclosureRule.Column shownTotal = DisclosureRule.column(List.of(t1, t2, t3), new double[] {85, 30, 25});
        assertThat(shownTotal.total().value()).isEqualTo(140.0);
        assertThat(shownTotal.cells()).extracting(Disclosed::withheld).containsExactly(Reason.SECONDARY, Reason.FEW_INSTITUTIONS, null);
    }

    @Test
    void twoWithheldCellsNeedNoPartner() {
        double[] s1 = {50, 30, 20};
        double[] s2 = {20, 0, 15};
        double[] s3 = {90, 5, 5};  // 90 % one institution
        DisclosureRule.Column column = DisclosureRule.column(List.of(s1, s2, s3), new double[] {160, 35, 40});
        assertThat(column.cells()).extracting(Disclosed::withheld)
                .containsExactly(null, Reason.FEW_INSTITUTIONS, Reason.DOMINANT_INSTITUTION);
    }

    @Test
    void aWithheldTotalLeavesTheCellsAsTheyAre() {
        double[] s1 = {8, 1, 1};   // dominant
        double[] s2 = {70, 0, 0};  // one institution
        DisclosureRule.Column column = DisclosureRule.column(List.of(s1, s2), new double[] {78, 1, 1});
        assertThat(column.total().withheld()).isEqualTo(Reason.DOMINANT_INSTITUTION);
        assertThat(column.cells()).extracting(Disclosed::withheld)
                .containsExactly(Reason.DOMINANT_INSTITUTION, Reason.FEW_INSTITUTIONS);
    }
}
