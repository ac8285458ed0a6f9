package nl.kunstloc.publieksdata.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class StartPageTest {

    @Test
    void aCoordinatorStartsOnThePilotOverviewAPolicymakerOnTheMunicipalityViewEveryoneElseOnTheInbox() {
        assertThat(CurrentUser.startPage(EnumSet.of(Role.COORDINATOR))).isEqualTo("/dashboard/overview");
        assertThat(CurrentUser.startPage(EnumSet.of(Role.COORDINATOR, Role.ADMIN))).isEqualTo("/dashboard/overview");
        assertThat(CurrentUser.startPage(EnumSet.of(Role.POLICYMAKER))).isEqualTo("/dashboard/municipality");
        assertThat(CurrentUser.startPage(EnumSet.of(Role.POLICYMAKER, Role.INSTITUTION_MEMBER)))
                .as("tasks of another role come first").isEqualTo("/tasks/inbox");
        assertThat(CurrentUser.startPage(EnumSet.of(Role.INSTITUTION_MEMBER))).isEqualTo("/tasks/inbox");
        assertThat(CurrentUser.startPage(EnumSet.of(Role.DIRECTOR))).isEqualTo("/tasks/inbox");
        assertThat(CurrentUser.startPage(EnumSet.of(Role.ADMIN))).isEqualTo("/tasks/inbox");
        assertThat(CurrentUser.startPage(EnumSet.noneOf(Role.class))).isEqualTo("/tasks/inbox");
    }
}
