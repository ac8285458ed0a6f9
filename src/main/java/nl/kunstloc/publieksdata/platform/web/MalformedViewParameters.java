package nl.kunstloc.publieksdata.platform.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.faces.view.ViewMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A page opened with an id that is no id ({@code /delivery/delivery.xhtml?id=abc}) answers 404, as an id of
 * nothing does, for every page at once: when a view parameter cannot be converted, the view action is skipped
 * and the page would render without its object (a 500 before, issue 11).
 */
public class MalformedViewParameters implements PhaseListener {

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.PROCESS_VALIDATIONS;
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext faces = event.getFacesContext();
        if (faces.isPostback() || !faces.isValidationFailed() || faces.getViewRoot() == null) {
            return;
        }
        boolean malformed = ViewMetadata.getViewParameters(faces.getViewRoot()).stream().anyMatch(p -> !p.isValid());
        if (malformed) {
            try {
                faces.getExternalContext().responseSendError(404, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            faces.responseComplete();
        }
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // nothing before validation
    }
}
