package nl.kunstloc.publieksdata.delivery.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.kunstloc.publieksdata.institution.entity.TicketingSystem;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    static Delivery uploaded() {
        return new Delivery(7L, "Theater aan de Dommel", null, "export.csv", FileFormat.CSV, 100, "/tmp/held.csv",
                TicketingSystem.OTHER, null, "mila", NOW);
    }

    static ValidationReport report(long accepted, long rejected) {
        MappingProposal proposal = new MappingProposal(TicketingSystem.OTHER, ColumnMapping.of(Map.of()), Set.of(), List.of(), List.of());
        List<ProblemSummary> problems = rejected == 0 ? List.of()
                : List.of(new ProblemSummary(ProblemCode.INVALID_DATE, rejected, 0.1, List.of(new ProblemSummary.Example(3, "31-02-2026"))));
        return new ValidationReport("export.csv", FileFormat.CSV, Optional.empty(), proposal, accepted + rejected + 1,
                accepted, rejected, 1, Map.of(), problems, accepted, accepted, 0);
    }

    /** reader: a file refused during validation keeps the line and limit of its message. */
    @Test
    void a_rejected_delivery_keeps_the_arguments_of_its_message_as_numbers() {
        Delivery d = uploaded();
        d.startValidation(NOW);
        d.reject("delivery.upload.fieldTooLong", NOW, 22L, 4, 100_000);

        assertThat(d.getStatus()).isEqualTo(DeliveryStatus.REJECTED);
        assertThat(d.getFailure()).isEqualTo("delivery.upload.fieldTooLong");
        assertThat(d.getFailureArguments()).containsExactly(22L, 4L, 100_000L);
        assertThat(java.text.MessageFormat.format("Line {0,number,#}, column {1,number,#}, {2,number,#}", d.getFailureArguments()))
                .isEqualTo("Line 22, column 4, 100000");

        Delivery plain = uploaded();
        plain.startValidation(NOW);
        plain.reject("delivery.upload.noHeader", NOW);
        assertThat(plain.getFailure()).isEqualTo("delivery.upload.noHeader");
        assertThat(plain.getFailureArguments()).isEmpty();
    }

    @Test
    void a_clean_file_goes_to_review_and_its_held_file_is_released_when_accepted() {
        Delivery d = uploaded();
        d.startValidation(NOW);
        assertThat(d.record(report(10, 0), "; · UTF-8", new byte[0], NOW)).isFalse();
        assertThat(d.getStatus()).isEqualTo(DeliveryStatus.IN_REVIEW);
        assertThat(d.reconciles()).isTrue();

        assertThat(d.accept(NOW)).contains("/tmp/held.csv");
        assertThat(d.getStatus()).isEqualTo(DeliveryStatus.VALIDATED);
        assertThat(d.isFileHeld()).isFalse();
    }

    @Test
    void problems_need_attention_and_the_report_is_kept_with_its_examples() {
        Delivery d = uploaded();
        d.startValidation(NOW);
        assertThat(d.record(report(10, 2), null, new byte[]{1}, NOW)).isTrue();
        assertThat(d.getStatus()).isEqualTo(DeliveryStatus.NEEDS_ATTENTION);
        assertThat(d.getProblems()).singleElement().satisfies(p -> {
            assertThat(p.getCount()).isEqualTo(2);
            assertThat(p.getExamples()).containsExactly(new ProblemSummary.Example(3, "31-02-2026"));
        });
        assertThatThrownBy(() -> d.accept(NOW)).isInstanceOf(IllegalStateException.class);

        d.remap("ORDER_ID=Order\n", NOW);
        assertThat(d.getStatus()).isEqualTo(DeliveryStatus.UPLOADED);
        d.startValidation(NOW);
        assertThat(d.getProblems()).isEmpty();
    }

    @Test
    void sending_back_needs_a_comment_and_a_superseded_delivery_releases_its_file() {
        Delivery d = uploaded();
        d.startValidation(NOW);
        d.record(report(10, 0), null, null, NOW);
        assertThatThrownBy(() -> d.sendBack(" ", NOW)).isInstanceOf(IllegalArgumentException.class);
        d.sendBack("Postcodes ontbreken", NOW);
        assertThat(d.getStatus()).isEqualTo(DeliveryStatus.NEEDS_ATTENTION);

        assertThat(d.supersede(NOW)).contains("/tmp/held.csv");
        assertThat(d.getStatus()).isEqualTo(DeliveryStatus.SUPERSEDED);
    }

    @Test
    void a_corrected_file_is_the_next_version_of_the_same_institution() {
        Delivery first = uploaded();
        Delivery second = new Delivery(7L, "Theater aan de Dommel", first, "export-v2.csv", FileFormat.CSV, 100, "/tmp/2.csv",
                null, null, "mila", NOW);
        assertThat(second.getDeliveryVersion()).isEqualTo(2);
        assertThatThrownBy(() -> new Delivery(8L, "Ander", first, "x.csv", FileFormat.CSV, 100, "/tmp/3.csv", null, null, "x", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Delivery(7L, "Dommel", null, "x.csv", FileFormat.CSV, 0, "/tmp/4.csv", null, null, "x", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
