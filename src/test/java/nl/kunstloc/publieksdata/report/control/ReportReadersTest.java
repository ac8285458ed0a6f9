package nl.kunstloc.publieksdata.report.control;

import static nl.kunstloc.publieksdata.report.control.ReportReaders.mayRead;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.report.entity.ReportStatus;
import org.junit.jupiter.api.Test;

class ReportReadersTest {

    @Test
    void coordinators_read_every_version() {
        for (ReportStatus s : ReportStatus.values()) {
            assertThat(mayRead(Set.of(Role.COORDINATOR), false, s, false)).isTrue();
        }
    }

    @Test
    void the_institution_reads_published_versions_and_older_published_ones_beside_them() {
        assertThat(mayRead(Set.of(Role.INSTITUTION_MEMBER), true, ReportStatus.PUBLISHED, true)).isTrue();
        assertThat(mayRead(Set.of(Role.INSTITUTION_MEMBER), true, ReportStatus.SUPERSEDED, true)).isTrue();
        assertThat(mayRead(Set.of(Role.INSTITUTION_MEMBER), true, ReportStatus.SUPERSEDED, false))
                .as("a draft replaced before publication").isFalse();
        assertThat(mayRead(Set.of(Role.INSTITUTION_MEMBER), true, ReportStatus.IN_REVIEW, false)).isFalse();
        assertThat(mayRead(Set.of(Role.INSTITUTION_MEMBER), true, ReportStatus.WITH_DIRECTOR, false)).isFalse();
    }

    @Test
    void only_the_director_reads_the_draft_waiting_for_their_approval() {
        assertThat(mayRead(Set.of(Role.DIRECTOR), true, ReportStatus.WITH_DIRECTOR, false)).isTrue();
        assertThat(mayRead(Set.of(Role.DIRECTOR), true, ReportStatus.IN_REVIEW, false)).isFalse();
        assertThat(mayRead(Set.of(Role.DIRECTOR), false, ReportStatus.WITH_DIRECTOR, false)).as("another institution").isFalse();
    }

    @Test
    void policymakers_administrators_and_other_institutions_read_nothing() {
        assertThat(mayRead(Set.of(Role.POLICYMAKER), true, ReportStatus.PUBLISHED, true)).isFalse();
        assertThat(mayRead(Set.of(Role.ADMIN), true, ReportStatus.PUBLISHED, true)).isFalse();
        assertThat(mayRead(Set.of(Role.INSTITUTION_MEMBER, Role.DIRECTOR), false, ReportStatus.PUBLISHED, true)).isFalse();
        assertThat(mayRead(Set.of(), true, ReportStatus.PUBLISHED, true)).isFalse();
    }
}
