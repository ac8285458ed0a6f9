package nl.kunstloc.publieksdata.agreement.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.kunstloc.publieksdata.agreement.entity.AgreementDetails;
import nl.kunstloc.publieksdata.agreement.entity.AgreementTemplate;
import nl.kunstloc.publieksdata.agreement.entity.Party;
import nl.kunstloc.publieksdata.agreement.entity.TemplateVersion;
import nl.kunstloc.publieksdata.platform.audit.AuditTrail;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;

/**
 * The template versions. Version 1 ships on the classpath and is stored as published the first time
 * the table is read; administrators make a new version as a draft from the previous one's text,
 * edit it, and publish it. New agreements use the newest published version; an agreement keeps the
 * version it was made from.
 */
@ApplicationScoped
public class AgreementTemplates {

    static final String DEFAULT_RESOURCE = "/agreement/template-v1.html";
    /** Fixed, so rendering v1 never depends on when the server started. */
    static final Instant V1_PUBLISHED_AT = Instant.parse("2026-01-15T09:00:00Z");

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public AgreementTemplates() {
    }

    public TemplateVersion defaultTemplate() {
        return new TemplateVersion(1, "Verwerkersovereenkomst", read(DEFAULT_RESOURCE), V1_PUBLISHED_AT);
    }

    /** The newest published version: the one new agreements are made from. */
    @Transactional
    public TemplateVersion current() {
        seedIfEmpty();
        return em.createQuery("select t from AgreementTemplate t where t.publishedAt is not null"
                        + " order by t.templateVersion desc", AgreementTemplate.class)
                .setMaxResults(1).getSingleResult().toTemplateVersion();
    }

    @Transactional
    public List<AgreementTemplate> all() {
        seedIfEmpty();
        return em.createQuery("select t from AgreementTemplate t order by t.templateVersion desc", AgreementTemplate.class)
                .getResultList();
    }

    /** A new draft version with the text of the newest version; only one draft at a time. */
    @Transactional
    public AgreementTemplate newDraft(String by) {
        List<AgreementTemplate> versions = all();
        if (versions.stream().anyMatch(t -> !t.isPublished())) {
            throw new UserFacingException("agreement.templates.error.draftExists");
        }
        AgreementTemplate latest = versions.get(0);
        AgreementTemplate draft = new AgreementTemplate(latest.getTemplateVersion() + 1, latest.getTitle(),
                latest.getBodyHtml(), latest.getTemplateVersion(), by, clock.instant());
        em.persist(draft);
        audit.record("agreement.template.drafted", "agreementTemplate", draft.getTemplateVersion(), null,
                "from version " + latest.getTemplateVersion());
        return draft;
    }

    @Transactional
    public void saveDraft(int version, String title, String bodyHtml) {
        AgreementTemplate draft = draft(version);
        requireRenders(version, title, bodyHtml);
        draft.edit(title, bodyHtml);
        audit.record("agreement.template.edited", "agreementTemplate", version, null, null);
    }

    /** Publishes a draft after checking that it renders into a PDF with the placeholders the portal knows. */
    @Transactional
    public void publish(int version, String by) {
        AgreementTemplate draft = draft(version);
        requireRenders(version, draft.getTitle(), draft.getBodyHtml());
        draft.publish(by, clock.instant());
        audit.record("agreement.template.published", "agreementTemplate", version, null, draft.getTitle());
    }

    private AgreementTemplate draft(int version) {
        AgreementTemplate t = em.createQuery("select t from AgreementTemplate t where t.templateVersion = :v", AgreementTemplate.class)
                .setParameter("v", version).getResultStream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no template version " + version));
        if (t.isPublished()) {
            throw new UserFacingException("agreement.templates.error.published", version);
        }
        return t;
    }

    /** A template that does not render would only be noticed when an agreement fails to generate. */
    static void requireRenders(int version, String title, String bodyHtml) {
        if (title == null || title.isBlank() || bodyHtml == null || bodyHtml.isBlank()
                || bodyHtml.length() > AgreementTemplate.MAX_BODY) {
            throw new UserFacingException("agreement.templates.error.empty");
        }
        Set<String> unknown;
        try {
            unknown = new TreeSet<>(new PlaceholderTemplate(bodyHtml).placeholders());
        } catch (IllegalArgumentException malformed) {
            throw new UserFacingException("agreement.templates.error.malformed", malformed.getMessage());
        }
        unknown.removeAll(AgreementDocument.PLACEHOLDERS);
        if (!unknown.isEmpty()) {
            throw new UserFacingException("agreement.templates.error.placeholders", String.join(", ", unknown));
        }
        try {
            Party sample = new Party("Voorbeeldtheater", "12345678", "Voorbeeldstraat 1, 5000 AA Tilburg", "A. Voorbeeld", "directeur");
            new AgreementDocument().render(new TemplateVersion(version, title, bodyHtml, Instant.now()),
                    AgreementDetails.standard("VO-2000-0001", sample, sample, LocalDate.of(2026, 1, 1)));
        } catch (RuntimeException e) {
            throw new UserFacingException("agreement.templates.error.render", String.valueOf(e.getMessage()));
        }
    }

    private void seedIfEmpty() {
        if (em.createQuery("select count(t) from AgreementTemplate t", Long.class).getSingleResult() == 0) {
            em.persist(AgreementTemplate.seed(defaultTemplate(), AuditTrail.SYSTEM));
            em.flush();
        }
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
