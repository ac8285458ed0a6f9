package nl.kunstloc.publieksdata.dashboard.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.kunstloc.publieksdata.dashboard.entity.FunnelStage;
import nl.kunstloc.publieksdata.dashboard.entity.InstitutionProgress;
import org.junit.jupiter.api.Test;

class FunnelCountsTest {

    static InstitutionProgress of(long id, String name, String type, String gm, String status, boolean signed,
                                  boolean delivered, boolean validated, boolean published) {
        return new InstitutionProgress(id, name, type, gm, status,
                PilotOverview.stages(status, signed, delivered, validated, published, false));
    }

    static final List<InstitutionProgress> PILOT = List.of(
            of(1, "Invited theatre", "THEATRE", "GM0772", "INVITED", false, false, false, false),
            of(2, "Onboarding museum", "MUSEUM", "GM0772", "ONBOARDING", false, false, false, false),
            of(3, "Active theatre", "THEATRE", "GM0855", "ACTIVE", true, true, true, true),
            of(4, "Declined festival", "FESTIVAL", "GM0855", "DECLINED", false, false, false, false));

    @Test
    void eachStepCountsTheInstitutionsThatReachedIt() {
        var counts = FunnelCounts.count(PILOT);
        assertThat(counts.get(FunnelStage.INVITED)).isEqualTo(4);
        assertThat(counts.get(FunnelStage.APPLIED)).isEqualTo(3);      // all but the one still invited
        assertThat(counts.get(FunnelStage.ONBOARDING)).isEqualTo(2);   // not the declined one
        assertThat(counts.get(FunnelStage.AGREEMENT_SIGNED)).isEqualTo(1);
        assertThat(counts.get(FunnelStage.REPORT_PUBLISHED)).isEqualTo(1);
        assertThat(counts.get(FunnelStage.IN_SESSIONS)).isZero();
    }

    @Test
    void filtersNarrowByTypeAndMunicipalityAndTheDrillDownListsThoseBehindANumber() {
        assertThat(FunnelCounts.count(FunnelCounts.filter(PILOT, "THEATRE", null)).get(FunnelStage.INVITED)).isEqualTo(2);
        assertThat(FunnelCounts.count(FunnelCounts.filter(PILOT, null, "GM0855")).get(FunnelStage.ONBOARDING)).isEqualTo(1);
        assertThat(FunnelCounts.behind(PILOT, FunnelStage.APPLIED, null, "GM0772")).extracting(InstitutionProgress::name)
                .containsExactly("Onboarding museum");
    }
}
