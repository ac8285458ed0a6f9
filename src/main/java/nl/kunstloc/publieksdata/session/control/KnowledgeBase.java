package nl.kunstloc.publieksdata.session.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.kunstloc.publieksdata.institution.entity.InstitutionType;
import nl.kunstloc.publieksdata.platform.audit.AuditTrail;
import nl.kunstloc.publieksdata.platform.persistence.DatabaseMigration;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.session.entity.Article;
import nl.kunstloc.publieksdata.session.entity.EvaluationSummary;
import nl.kunstloc.publieksdata.session.entity.KnowledgeSession;
import nl.kunstloc.publieksdata.workflow.Workflow;

/**
 * The knowledge base: articles written by coordinators or published from sessions, found by
 * full-text search (PostgreSQL: Dutch stemming over an indexed tsvector; H2: every word as a
 * LIKE) and narrowed by tags and institution type.
 */
@Stateless
public class KnowledgeBase {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    DatabaseMigration database;

    @Inject
    Evaluations evaluations;

    @Inject
    Sessions sessions;

    @Inject
    Workflow workflow;

    public Optional<Article> find(Long id) {
        return Optional.ofNullable(id == null ? null : em.find(Article.class, id));
    }

    public Optional<Article> ofSession(Long sessionId) {
        return em.createQuery("select a from Article a where a.sessionId = :s", Article.class).setParameter("s", sessionId)
                .getResultStream().findFirst();
    }

    /** Articles matching the text (best first; newest first without text) that carry every tag and the type. */
    public List<Article> search(String text, Set<String> tags, InstitutionType type) {
        List<Article> found = text == null || text.isBlank() ? all() : database.isPostgres() ? fullText(text) : like(text);
        return found.stream()
                .filter(a -> tags == null || a.getTags().containsAll(tags))
                .filter(a -> type == null || a.getInstitutionTypes().isEmpty() || a.getInstitutionTypes().contains(type))
                .toList();
    }

    private List<Article> all() {
        return em.createQuery("select a from Article a order by a.publishedAt desc, a.id desc", Article.class).getResultList();
    }

    /** The same expression as the index in db/migration/postgresql/V6, or PostgreSQL would not use it. */
    @SuppressWarnings("unchecked")
    private List<Article> fullText(String text) {
        List<Object> ids = em.createNativeQuery("select id from kb_article"
                        + " where to_tsvector('dutch', search_text) @@ websearch_to_tsquery('dutch', ?1)"
                        + " order by ts_rank(to_tsvector('dutch', search_text), websearch_to_tsquery('dutch', ?1)) desc, published_at desc")
                .setParameter(1, text.trim()).getResultList();
        return load(ids);
    }

    private List<Article> like(String text) {
        List<String> words = List.of(text.trim().toLowerCase(Locale.ROOT).split("\\s+"));
        StringBuilder jpql = new StringBuilder("select a from Article a where 1 = 1");
        for (int i = 0; i < words.size(); i++) {
            jpql.append(" and lower(a.searchText) like :w").append(i);
        }
        var query = em.createQuery(jpql + " order by a.publishedAt desc, a.id desc", Article.class);
        for (int i = 0; i < words.size(); i++) {
            query.setParameter("w" + i, "%" + words.get(i).replace("%", "").replace("_", "") + "%");
        }
        return query.getResultList();
    }

    private List<Article> load(List<Object> ids) {
        List<Article> articles = new ArrayList<>();
        for (Object id : ids) {
            find(((Number) id).longValue()).ifPresent(articles::add);
        }
        return articles;
    }

    /** Every tag in use, for the filter. */
    public Set<String> tags() {
        return new TreeSet<>(em.createQuery("select distinct t from Article a join a.tags t", String.class).getResultList());
    }

    public Article write(String title, String theme, String body, Collection<String> tags, Collection<InstitutionType> types, String by) {
        Article article = new Article(title, theme, body, tags, types, null, by, clock.instant());
        em.persist(article);
        audit.recordAs(by, "kb.articleWritten", "article", article.getId(), null, article.getTitle());
        return article;
    }

    public Article rewrite(Long id, String title, String theme, String body, Collection<String> tags,
                           Collection<InstitutionType> types, String by) {
        Article article = find(id).orElseThrow(() -> new UserFacingException("session.article.error.notFound"));
        article.rewrite(title, theme, body, tags, types, clock.instant());
        audit.recordAs(by, "kb.articleChanged", "article", id, null, article.getTitle());
        return article;
    }

    /**
     * The publication page's part: writes the session's notes and makes (or updates) its article.
     * The evaluation summary is added afterwards by {@link #addEvaluationSummary(Long)}.
     */
    public Article publishSessionNotes(Long sessionId, String notes, Collection<String> tags,
                                       Collection<InstitutionType> types, String by) {
        sessions.writeNotes(sessionId, notes, by);
        KnowledgeSession session = sessions.find(sessionId).orElseThrow();
        String body = session.getNotes() + (session.getFindings() == null ? ""
                : "\n\n" + Messages.format(Locale.forLanguageTag("nl"), "session.article.findings", session.getFindings()));
        Optional<Article> existing = ofSession(sessionId);
        Article article;
        if (existing.isPresent()) {
            article = existing.get();
            article.rewrite(session.getTitle(), session.getTheme(), body, tags, types, clock.instant());
        } else {
            article = new Article(session.getTitle(), session.getTheme(), body, tags, types, sessionId, by, clock.instant());
            em.persist(article);
        }
        audit.recordAs(by, "kb.sessionPublished", "session", sessionId, null, session.getTitle());
        return article;
    }

    /** The publication page: notes, article and the completed task in one transaction. */
    public Article publishSessionNotes(Long sessionId, String taskId, String notes, Collection<String> tags,
                                       Collection<InstitutionType> types, String by) {
        Article article = publishSessionNotes(sessionId, notes, tags, types, by);
        workflow.complete(taskId, by, java.util.Map.of());
        return article;
    }

    /** The process's last step: the evaluations in a paragraph under the session's article; the session is then published. */
    public void addEvaluationSummary(Long sessionId) {
        KnowledgeSession session = sessions.find(sessionId).orElseThrow();
        Article article = ofSession(sessionId).orElseThrow(() -> new IllegalStateException("session " + sessionId + " has no article"));
        EvaluationSummary summary = evaluations.summary(sessionId);
        if (summary.count() > 0) {
            article.append(Messages.format(Locale.forLanguageTag("nl"), "session.article.evaluation",
                    summary.count(), String.format(Locale.forLanguageTag("nl"), "%.1f", summary.average())), clock.instant());
        }
        session.markPublished();
        audit.record("kb.evaluationsSummarised", "session", sessionId, null, summary.count() + " evaluation(s)");
    }
}
