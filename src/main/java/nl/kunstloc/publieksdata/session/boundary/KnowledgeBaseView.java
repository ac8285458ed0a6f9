package nl.kunstloc.publieksdata.session.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import nl.kunstloc.publieksdata.institution.entity.InstitutionType;
import nl.kunstloc.publieksdata.session.control.KnowledgeBase;
import nl.kunstloc.publieksdata.session.entity.Article;

/** The knowledge base: full-text search, narrowed by tags (all chosen ones) and an institution type. */
@Named("knowledgeBaseView")
@ViewScoped
public class KnowledgeBaseView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    KnowledgeBase knowledgeBase;

    private String text;
    private String[] tags = new String[0];
    private InstitutionType type;
    private List<Article> results;
    private List<String> allTags;

    @PostConstruct
    void init() {
        allTags = List.copyOf(knowledgeBase.tags());
        search();
    }

    public void search() {
        results = knowledgeBase.search(text, new HashSet<>(Arrays.asList(tags)), type);
    }

    public void reset() {
        text = null;
        tags = new String[0];
        type = null;
        search();
    }

    public InstitutionType[] getTypes() { return InstitutionType.values(); }
    public List<Article> getResults() { return results; }
    public List<String> getAllTags() { return allTags; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String[] getTags() { return tags; }
    public void setTags(String[] tags) { this.tags = tags == null ? new String[0] : tags; }
    public InstitutionType getType() { return type; }
    public void setType(InstitutionType type) { this.type = type; }
}
