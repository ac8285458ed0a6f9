package nl.kunstloc.publieksdata.session.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import nl.kunstloc.publieksdata.institution.entity.InstitutionType;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;

/**
 * An article of the knowledge base: written by a coordinator, or published from a session's notes.
 * Keeps {@code searchText} (title, theme, tags, body) in step with its content, because that is
 * what full-text search reads.
 */
@Entity
@Table(name = "kb_article")
public class Article implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public static final int MAX_BODY = 30000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "kb_article_seq")
    @SequenceGenerator(name = "kb_article_seq", sequenceName = "kb_article_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String theme;

    @Column(nullable = false)
    private String body;

    @Column(name = "session_id")
    private Long sessionId;

    @Column(nullable = false)
    private String author;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "search_text", nullable = false)
    private String searchText;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "kb_article_tag", joinColumns = @JoinColumn(name = "article_id"))
    @Column(name = "tag")
    private Set<String> tags = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "kb_article_type", joinColumns = @JoinColumn(name = "article_id"))
    @Column(name = "institution_type")
    @Enumerated(EnumType.STRING)
    private Set<InstitutionType> institutionTypes = EnumSet.noneOf(InstitutionType.class);

    @Version
    private long version;

    protected Article() {
    }

    public Article(String title, String theme, String body, Collection<String> tags, Collection<InstitutionType> types,
                   Long sessionId, String author, Instant now) {
        this.sessionId = sessionId;
        this.author = Objects.requireNonNull(author);
        this.publishedAt = Objects.requireNonNull(now);
        rewrite(title, theme, body, tags, types, now);
    }

    public void rewrite(String newTitle, String newTheme, String newBody, Collection<String> newTags,
                        Collection<InstitutionType> newTypes, Instant now) {
        if (newTitle == null || newTitle.isBlank() || newTitle.trim().length() > 200) {
            throw new UserFacingException("session.article.error.title");
        }
        if (newTheme == null || newTheme.isBlank() || newTheme.trim().length() > 200) {
            throw new UserFacingException("session.article.error.theme");
        }
        if (newBody == null || newBody.isBlank()) {
            throw new UserFacingException("session.article.error.body");
        }
        if (newBody.length() > MAX_BODY) {
            throw new UserFacingException("session.error.tooLong");
        }
        Set<String> cleanTags = normaliseTags(newTags);
        this.title = newTitle.trim();
        this.theme = newTheme.trim();
        this.body = newBody.trim();
        this.tags.clear();
        this.tags.addAll(cleanTags);
        this.institutionTypes.clear();
        if (newTypes != null) {
            this.institutionTypes.addAll(newTypes);
        }
        this.updatedAt = now;
        this.searchText = String.join("\n", this.title, this.theme, String.join(" ", this.tags), this.body);
    }

    /** Adds a paragraph at the end (e.g. the evaluation summary after a session). */
    public void append(String paragraph, Instant now) {
        if (paragraph == null || paragraph.isBlank()) {
            return;
        }
        String longer = body + "\n\n" + paragraph.trim();
        rewrite(title, theme, longer.length() > MAX_BODY ? body : longer, tags, institutionTypes, now);
    }

    /** Tags are lower case, trimmed, 2–60 characters, at most 12 (more is noise in a filter). */
    public static Set<String> normaliseTags(Collection<String> raw) {
        Set<String> clean = new TreeSet<>();
        if (raw != null) {
            for (String tag : raw) {
                if (tag == null || tag.isBlank()) {
                    continue;
                }
                String t = tag.trim().toLowerCase(Locale.forLanguageTag("nl")).replaceAll("\\s+", " ");
                if (t.length() < 2 || t.length() > 60) {
                    throw new UserFacingException("session.article.error.tag", tag.trim());
                }
                clean.add(t);
            }
        }
        if (clean.size() > 12) {
            throw new UserFacingException("session.article.error.tooManyTags", 12);
        }
        return clean;
    }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public String getTheme() { return theme; }
    public String getBody() { return body; }
    public Long getSessionId() { return sessionId; }
    public String getAuthor() { return author; }
    public Instant getPublishedAt() { return publishedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Set<String> getTags() { return new TreeSet<>(tags); }
    public Set<InstitutionType> getInstitutionTypes() { return institutionTypes.isEmpty() ? Set.of() : EnumSet.copyOf(institutionTypes); }

    /** The first lines of the body, for result lists. */
    public String getTeaser() {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= 240 ? flat : flat.substring(0, 240).replaceAll("\\s+\\S*$", "") + " …";
    }
}
