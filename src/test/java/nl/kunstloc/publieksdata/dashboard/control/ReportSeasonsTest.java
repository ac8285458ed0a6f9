package nl.kunstloc.publieksdata.dashboard.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReportSeasonsTest {

    record V(long institutionId, int reportVersion, LocalDate lastOrder) implements ReportSeasons.Version {
    }

    @Test
    void aSeasonRunsFromSeptemberToAugustAndIsNamedByItsTwoYears() {
        assertThat(ReportSeasons.Season.of(LocalDate.of(2025, 8, 31)).label()).isEqualTo("2024/25");
        assertThat(ReportSeasons.Season.of(LocalDate.of(2025, 9, 1)).label()).isEqualTo("2025/26");
        assertThat(ReportSeasons.Season.of(LocalDate.of(1999, 12, 31)).label()).isEqualTo("1999/00");
    }

    @Test
    void eachSeasonShowsWhereThePilotStoodAtItsEndEveryInstitutionWithItsNewestVersionSoFar() {
        V museumFirst = new V(1, 1, LocalDate.of(2025, 6, 30));
        V museumCorrected = new V(1, 2, LocalDate.of(2025, 6, 30)); // same data period, a newer model: replaces v1
        V museumSecondSeason = new V(1, 3, LocalDate.of(2026, 5, 2));
        V theatre = new V(2, 1, LocalDate.of(2025, 3, 1));
        V festivalWithoutDates = new V(3, 1, null);

        TreeMap<ReportSeasons.Season, List<V>> seasons = ReportSeasons.bySeason(
                List.of(museumSecondSeason, theatre, museumFirst, festivalWithoutDates, museumCorrected));

        assertThat(seasons.keySet()).extracting(ReportSeasons.Season::label).containsExactly("2024/25", "2025/26");
        assertThat(seasons.firstEntry().getValue()).containsExactly(museumCorrected, theatre);
        assertThat(seasons.lastEntry().getValue())
                .as("the theatre reported no newer season: it still counts with its report of 2024/25")
                .containsExactly(museumSecondSeason, theatre);
    }
}
