package nl.kunstloc.publieksdata.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Logger;

/**
 * Object-level access checks for pages: the container decides who may open a page, this decides
 * whether they may see this institution's object on it. A refusal answers 404, so an id of
 * another institution reveals nothing (not even that it exists).
 */
@RequestScoped
public class AccessGuard {

    private static final Logger LOG = Logger.getLogger(AccessGuard.class.getName());

    @Inject
    CurrentUser currentUser;

    /** True when allowed; otherwise answers 404 and ends the request, and returns false. */
    public boolean requireInstitution(Long institutionId) {
        return require(currentUser.mayAccessInstitution(institutionId), "institution " + institutionId);
    }

    /** True when allowed; otherwise answers 404 and ends the request, and returns false. */
    public boolean require(boolean allowed, String what) {
        if (allowed) {
            return true;
        }
        LOG.warning(() -> currentUser.getUsername() + " was refused " + what);
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null && !faces.getResponseComplete()) {
            try {
                faces.getExternalContext().responseSendError(404, "Not found");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            faces.responseComplete();
        }
        return false;
    }
}
