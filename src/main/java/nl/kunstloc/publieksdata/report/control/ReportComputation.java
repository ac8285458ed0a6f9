package nl.kunstloc.publieksdata.report.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures;

/**
 * The one place where the report asks segmentation for its figures: the institution's accepted rows
 * of these deliveries, through the current segment model.
 */
@ApplicationScoped
public class ReportComputation {

    public AudienceFigures compute(Long institutionId, List<Long> deliveryIds) {
        throw new IllegalStateException("the segmentation calculator is not available yet");
    }
}
