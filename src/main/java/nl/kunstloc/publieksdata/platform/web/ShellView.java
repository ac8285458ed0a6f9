package nl.kunstloc.publieksdata.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** The application shell around every page: sign-out (a Faces post, so protected against cross-site requests). */
@Named
@RequestScoped
public class ShellView {

    public void logout() throws ServletException, IOException {
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) ec.getRequest()).logout();
        ec.invalidateSession();
        ec.redirect(ec.getRequestContextPath() + "/login.xhtml?loggedOut=true");
    }

    /**
     * "/" falls under the deny-everything-not-named constraint (Servlet security cannot name the
     * bare context root), so its 403 is turned into the public landing page here.
     */
    public void landOnRoot() throws IOException {
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        Object uri = ec.getRequestMap().get("jakarta.servlet.error.request_uri");
        if (uri != null && (uri.equals(ec.getRequestContextPath() + "/") || uri.equals(ec.getRequestContextPath()))) {
            ec.redirect(ec.getRequestContextPath() + "/index.xhtml");
        }
    }

    /** The view id of the current page, for marking the active menu item. */
    public String getViewId() {
        return FacesContext.getCurrentInstance().getViewRoot().getViewId();
    }
}
