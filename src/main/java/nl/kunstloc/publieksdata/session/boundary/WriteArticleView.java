package nl.kunstloc.publieksdata.session.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import nl.kunstloc.publieksdata.institution.entity.InstitutionType;
import nl.kunstloc.publieksdata.platform.security.AccessGuard;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.session.control.KnowledgeBase;
import nl.kunstloc.publieksdata.session.entity.Article;

/** A coordinator writes an article directly (or changes one, ?id=). */
@Named("writeArticleView")
@ViewScoped
public class WriteArticleView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    KnowledgeBase knowledgeBase;

    @Inject
    SessionAccess access;

    @Inject
    AccessGuard guard;

    @Inject
    Messages messages;

    private Long id;
    private String title;
    private String theme;
    private String tags;
    private InstitutionType[] types = new InstitutionType[0];
    private String body;

    public void load() {
        if (id == null || FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        Article a = knowledgeBase.find(id).orElse(null);
        if (guard.require(a != null, "article " + id)) {
            title = a.getTitle();
            theme = a.getTheme();
            tags = String.join(", ", a.getTags());
            types = a.getInstitutionTypes().toArray(new InstitutionType[0]);
            body = a.getBody();
        }
    }

    public String save() {
        List<String> tagList = tags == null ? List.of() : Arrays.asList(tags.split(","));
        try {
            String by = access.viewer().username();
            Article saved = id == null ? knowledgeBase.write(title, theme, body, tagList, Arrays.asList(types), by)
                    : knowledgeBase.rewrite(id, title, theme, body, tagList, Arrays.asList(types), by);
            messages.info("session.article.saved", saved.getTitle());
            messages.keepForRedirect();
            return "/session/article?faces-redirect=true&id=" + saved.getId();
        } catch (UserFacingException e) {
            messages.error(e);
            return null;
        }
    }

    public InstitutionType[] getAllTypes() { return InstitutionType.values(); }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getTheme() { return theme; }
    public void setTheme(String theme) { this.theme = theme; }
    public String getTags() { return tags; }
    public void setTags(String tags) { this.tags = tags; }
    public InstitutionType[] getTypes() { return types; }
    public void setTypes(InstitutionType[] types) { this.types = types == null ? new InstitutionType[0] : types; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
}
