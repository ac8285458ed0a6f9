package nl.kunstloc.publieksdata.agreement.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * One published version of the agreement text. The body is a complete XHTML document (styles
 * included) so that a signed agreement can always be rendered again exactly as it was: a new
 * wording or a new layout is a new version, never an edit.
 */
public record TemplateVersion(int version, String title, String bodyHtml, Instant publishedAt) {

    public TemplateVersion {
        if (version < 1) {
            throw new IllegalArgumentException("a template version starts at 1, was " + version);
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a template version needs a title");
        }
        if (bodyHtml == null || bodyHtml.isBlank()) {
            throw new IllegalArgumentException("a template version needs a body");
        }
        Objects.requireNonNull(publishedAt, "publishedAt");
    }
}
