package nl.kunstloc.publieksdata.session.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.List;
import nl.kunstloc.publieksdata.platform.security.AccessGuard;
import nl.kunstloc.publieksdata.session.control.KnowledgeBase;
import nl.kunstloc.publieksdata.session.control.Materials;
import nl.kunstloc.publieksdata.session.entity.Article;
import nl.kunstloc.publieksdata.session.entity.MaterialInfo;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/** One article of the knowledge base, with the materials of its session; visible to every participant of the pilot. */
@Named("kbArticleView")
@ViewScoped
public class ArticleView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    KnowledgeBase knowledgeBase;

    @Inject
    Materials materials;

    @Inject
    AccessGuard guard;

    private Long id;
    private Article article;

    public void load() {
        article = knowledgeBase.find(id).orElse(null);
        guard.require(article != null, "article " + id);
    }

    public List<MaterialInfo> getMaterials() {
        return article == null ? List.of() : materials.of(article.getSessionId());
    }

    public StreamedContent download(MaterialInfo info) {
        return materials.find(info.id()).filter(m -> m.getSessionId().equals(article.getSessionId()))
                .map(m -> DefaultStreamedContent.builder().name(m.getFileName()).contentType(m.getKind().contentType())
                        .stream(() -> new ByteArrayInputStream(m.getContent())).build())
                .orElse(null);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Article getArticle() { return article; }
}
