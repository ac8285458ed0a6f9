package nl.kunstloc.publieksdata.segmentation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class Pc4CentroidsTest {

    @Test
    void centroidsLieInBrabantAndDistancesAreRealistic() {
        Pc4Centroids centroids = Pc4Centroids.load();
        assertThat(centroids.size()).isEqualTo(517);
        Pc4Centroids.Point eindhoven = centroids.of("5611").orElseThrow();
        Pc4Centroids.Point bredaCentre = centroids.of("4811").orElseThrow();
        assertThat(eindhoven.latitude()).isBetween(51.40, 51.47);
        assertThat(eindhoven.longitude()).isBetween(5.44, 5.50);
        // Eindhoven centre to Breda centre is about 55 km as the crow flies
        assertThat(Pc4Centroids.distanceKm(eindhoven, bredaCentre)).isCloseTo(55, within(5.0));
        assertThat(centroids.of("5592")).isEmpty(); // newer than the 2020 polygons
    }
}
