package nl.kunstloc.publieksdata.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Texts in the user's language (i18n/messages_nl|en.properties), and Faces messages built from them. */
@ApplicationScoped
public class Messages {

    public static final String BUNDLE = "nl.kunstloc.publieksdata.platform.i18n.PortalMessages";

    @Inject
    Instance<LocaleView> localeView;

    public String text(String key, Object... arguments) {
        return format(locale(), key, arguments);
    }

    public static String format(Locale locale, String key, Object... arguments) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    public void info(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_INFO, null, key, arguments);
    }

    public void warn(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_WARN, null, key, arguments);
    }

    public void error(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_ERROR, null, key, arguments);
    }

    public void error(UserFacingException e) {
        error(e.messageKey(), e.arguments());
    }

    /** An error message attached to one input field (clientId), read out next to it. */
    public void fieldError(String clientId, String key, Object... arguments) {
        add(FacesMessage.SEVERITY_ERROR, clientId, key, arguments);
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** Keeps messages across a redirect (Post/Redirect/Get). */
    public void keepForRedirect() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    private void add(FacesMessage.Severity severity, String clientId, String key, Object... arguments) {
        String text = text(key, arguments);
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
    }

    /**
     * The language the page is shown in: the session's ({@link LocaleView}, which {@code f:view}
     * applies only when rendering). The view root's locale is not enough: in a view action of a
     * first GET it is still the browser's Accept-Language, so a refusal computed there came out in
     * English on a Dutch page.
     */
    public Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null && localeView.isResolvable()) {
            return localeView.get().getLocale();
        }
        if (faces != null && faces.getViewRoot() != null) {
            return faces.getViewRoot().getLocale();
        }
        return Locale.forLanguageTag("nl");
    }
}
