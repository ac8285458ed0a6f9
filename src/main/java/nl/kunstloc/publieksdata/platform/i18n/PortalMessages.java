package nl.kunstloc.publieksdata.platform.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;

/**
 * The portal's texts (#{msg[...]} on pages, {@code Messages} in code): one bundle made of one
 * properties file per feature, {@code i18n/<feature>_<language>.properties}, so features keep
 * their own texts. Dutch is the default; a key missing in English falls back to Dutch.
 */
public class PortalMessages extends ResourceBundle {

    /** The features that have texts; add a feature here when it gets its properties files. */
    static final List<String> FILES = List.of("messages", "onboarding", "agreement", "delivery", "session", "report", "dashboard", "segmentation");

    private final Map<String, Object> texts;

    public PortalMessages() {
        this(Locale.forLanguageTag("nl"));
    }

    protected PortalMessages(Locale locale) {
        Map<String, Object> merged = new HashMap<>(load("nl"));
        if (!"nl".equals(locale.getLanguage())) {
            merged.putAll(load(locale.getLanguage()));
        }
        texts = Collections.unmodifiableMap(merged);
    }

    private static Map<String, Object> load(String language) {
        Map<String, Object> map = new HashMap<>();
        for (String file : FILES) {
            String name = "i18n/" + file + "_" + language + ".properties";
            try (InputStream in = PortalMessages.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    continue;
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                p.forEach((k, v) -> map.put((String) k, v));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        }
        return map;
    }

    @Override
    protected Object handleGetObject(String key) {
        return texts.get(key);
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(texts.keySet());
    }
}
