package nl.kunstloc.publieksdata.agreement.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import nl.kunstloc.publieksdata.agreement.entity.TemplateVersion;

/**
 * The template versions shipped with the portal. Until templates live in the database, version 1 is
 * read from the classpath; it is also the seed when that table is first filled.
 */
@ApplicationScoped
public class AgreementTemplates {

    static final String DEFAULT_RESOURCE = "/agreement/template-v1.html";
    /** Fixed, so rendering v1 never depends on when the server started. */
    static final Instant V1_PUBLISHED_AT = Instant.parse("2026-01-15T09:00:00Z");

    public AgreementTemplates() {
    }

    public TemplateVersion defaultTemplate() {
        return new TemplateVersion(1, "Verwerkersovereenkomst", read(DEFAULT_RESOURCE), V1_PUBLISHED_AT);
    }

    private static String read(String resource) {
        try (InputStream in = AgreementTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
