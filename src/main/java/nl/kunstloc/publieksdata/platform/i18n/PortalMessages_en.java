package nl.kunstloc.publieksdata.platform.i18n;

import java.util.Locale;

/** The English texts, Dutch where a key has no English yet. */
public class PortalMessages_en extends PortalMessages {
    public PortalMessages_en() {
        super(Locale.ENGLISH);
    }
}
