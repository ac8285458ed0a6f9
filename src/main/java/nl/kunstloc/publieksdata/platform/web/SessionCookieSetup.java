package nl.kunstloc.publieksdata.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Session cookie flags that web.xml cannot make configurable: Secure (on by default; switch off only
 * for plain-HTTP hosts other than localhost) and SameSite=Lax.
 */
@WebListener
public class SessionCookieSetup implements ServletContextListener {

    @Inject
    @ConfigProperty(name = "publieksdata.cookie.secure", defaultValue = "true")
    boolean secure;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setAttribute("SameSite", "Lax");
    }
}
