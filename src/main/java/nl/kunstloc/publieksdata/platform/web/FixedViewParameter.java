package nl.kunstloc.publieksdata.platform.web;

import jakarta.faces.component.UIViewParameter;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Every {@code <f:viewParam>} of the portal (registered in faces-config.xml under the standard
 * component type, so no page can forget it): the object a view works on is fixed when the view is
 * opened. The standard view parameter reads its request parameter again on every postback and puts
 * it into the bean before the action runs, so a forged {@code taskId=} in a postback made the action
 * of one's own page act on another institution's task (issue 11, ADR 8).
 * <p>
 * On a postback this keeps the value the view was opened with. A postback that names another value
 * is refused with 404, as an object one may not see is, and logged: no browser sends that by itself.
 */
public class FixedViewParameter extends UIViewParameter {

    private static final Logger LOG = Logger.getLogger(FixedViewParameter.class.getName());

    @Override
    public void decode(FacesContext context) {
        if (context.isPostback()) {
            Object opened = getSubmittedValue(); // kept in the view state since the view was opened
            String sent = context.getExternalContext().getRequestParameterMap().get(getName());
            if (sent != null && !Objects.equals(sent, opened == null ? null : opened.toString())) {
                refuse(context, sent, opened);
                return;
            }
        }
        super.decode(context);
    }

    private void refuse(FacesContext context, String sent, Object opened) {
        String user = context.getExternalContext().getRemoteUser();
        LOG.warning(() -> "postback of " + context.getViewRoot().getViewId() + " by " + user + " tried to change "
                + getName() + " from " + opened + " to " + sent + ": refused");
        setValid(false);
        try {
            context.getExternalContext().responseSendError(404, "Not found");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }
}
