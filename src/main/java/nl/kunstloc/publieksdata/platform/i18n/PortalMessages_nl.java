package nl.kunstloc.publieksdata.platform.i18n;

import java.util.Locale;

/** The Dutch texts (found by ResourceBundle's lookup for locale nl). */
public class PortalMessages_nl extends PortalMessages {
    public PortalMessages_nl() {
        super(Locale.forLanguageTag("nl"));
    }
}
