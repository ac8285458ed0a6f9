package nl.kunstloc.publieksdata.segmentation.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.segmentation.entity.ModelData;
import nl.kunstloc.publieksdata.segmentation.entity.ModelStatus;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Models in the V11 tables on H2, as the portal runs them. */
class ModelStoreTest {

    @Test
    void aSecondImportOfTheSameCodeIsANewVersionAndTheOldOneStaysReadable() throws Exception {
        String url = "jdbc:h2:mem:segment-store;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        ModelData model = DefaultModel.build(PostcodeDirectory.load(), 0);
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            ModelData first = ModelStore.save(c, model, "admin@kunstloc.nl", Instant.parse("2026-12-01T10:00:00Z"));
            ModelData second = ModelStore.save(c, model, "admin@kunstloc.nl", Instant.parse("2026-12-02T10:00:00Z"));

            assertThat(first.ref().version()).isEqualTo(1);
            assertThat(second.ref().version()).isEqualTo(2);
            assertThat(ModelStore.current(c, DefaultModel.CODE)).contains(second.ref().id());

            ModelData back = ModelStore.load(c, first.ref().id()).orElseThrow();
            assertThat(back.ref().sources()).isEqualTo(model.ref().sources());
            assertThat(back.segments()).isEqualTo(model.segments());
            assertThat(back.pc4s()).isEqualTo(model.pc4s());
            assertThat(back.counts("5611")).containsExactly(model.counts("5611"));

            assertThat(ModelStore.retire(c, second.ref().id(), "admin@kunstloc.nl", Instant.now())).isTrue();
            assertThat(ModelStore.current(c, DefaultModel.CODE)).contains(first.ref().id());
            assertThat(ModelStore.list(c)).extracting(m -> m.version() + ":" + m.status())
                    .containsExactly("2:" + ModelStatus.RETIRED, "1:" + ModelStatus.ACTIVE);
            assertThat(ModelStore.list(c).get(1).pc4s()).isEqualTo(516);

            assertThat(ModelStore.delete(c, second.ref().id())).isTrue();
            assertThat(ModelStore.load(c, second.ref().id())).isEmpty();
        }
    }
}
