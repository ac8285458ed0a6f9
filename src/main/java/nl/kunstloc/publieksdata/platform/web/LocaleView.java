package nl.kunstloc.publieksdata.platform.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.security.UserAccounts;

/** The language of the session: Dutch by default, English on request (remembered for signed-in users). */
@Named
@SessionScoped
public class LocaleView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;

    @Inject
    UserAccounts accounts;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = currentUser.account().map(a -> Locale.forLanguageTag(a.getLocale())).orElse(Locale.forLanguageTag("nl"));
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    public boolean isDutch() {
        return "nl".equals(getLanguage());
    }

    /** Switches the language and reloads the same page. */
    public String switchTo(String language) {
        locale = Locale.forLanguageTag("en".equals(language) ? "en" : "nl");
        FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
        currentUser.account().ifPresent(a -> {
            a.changeLocale(locale.getLanguage());
            accounts.update(a);
        });
        String viewId = FacesContext.getCurrentInstance().getViewRoot().getViewId();
        return viewId + "?faces-redirect=true&includeViewParams=true";
    }
}
