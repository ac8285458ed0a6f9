package nl.kunstloc.publieksdata.delivery.control;

import java.util.Objects;
import java.util.function.Consumer;
import nl.kunstloc.publieksdata.delivery.entity.DeliveryRow;
import nl.kunstloc.publieksdata.delivery.entity.RejectedRow;

/**
 * Where the rows of a delivery go while the file is being read (the server stores them with PostgreSQL
 * {@code COPY}; tests collect them). Called on the reading thread, in file order.
 */
public interface RowSink {

    void accept(DeliveryRow row);

    /** A row that was not accepted; by default ignored. */
    default void reject(RejectedRow row) {
    }

    /** This sink, with rejected rows also written to {@code rejects} (the list for the institution). */
    default RowSink withRejectsTo(RejectedRowsCsv rejects) {
        RowSink self = this;
        return of(self::accept, row -> {
            self.reject(row);
            rejects.reject(row);
        });
    }

    static RowSink of(Consumer<DeliveryRow> accepted, Consumer<RejectedRow> rejected) {
        Objects.requireNonNull(accepted);
        Objects.requireNonNull(rejected);
        return new RowSink() {
            @Override
            public void accept(DeliveryRow row) {
                accepted.accept(row);
            }

            @Override
            public void reject(RejectedRow row) {
                rejected.accept(row);
            }
        };
    }
}
