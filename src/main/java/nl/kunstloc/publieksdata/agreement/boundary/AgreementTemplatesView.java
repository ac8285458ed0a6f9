package nl.kunstloc.publieksdata.agreement.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import nl.kunstloc.publieksdata.agreement.control.AgreementTemplates;
import nl.kunstloc.publieksdata.agreement.entity.AgreementTemplate;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;

/**
 * /agreement/templates.xhtml (administrators): the template versions; a new version starts as a
 * draft with the previous version's text, can be edited, and is frozen when published.
 */
@Named
@ViewScoped
public class AgreementTemplatesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AgreementTemplates templates;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private Integer selected;
    private String title;
    private String body;
    private boolean selectedPublished;
    private transient List<AgreementTemplate> versions;

    @PostConstruct
    void init() {
        List<AgreementTemplate> all = getVersions();
        if (!all.isEmpty()) {
            select(all.get(0).getTemplateVersion());
        }
    }

    public void select(int version) {
        versions = null;
        getVersions().stream().filter(t -> t.getTemplateVersion() == version).findFirst().ifPresent(t -> {
            selected = t.getTemplateVersion();
            title = t.getTitle();
            body = t.getBodyHtml();
            selectedPublished = t.isPublished();
        });
    }

    public void newDraft() {
        try {
            AgreementTemplate draft = templates.newDraft(currentUser.getUsername());
            messages.info("agreement.templates.drafted", draft.getTemplateVersion());
            select(draft.getTemplateVersion());
        } catch (UserFacingException e) {
            messages.error(e);
        }
    }

    public void save() {
        try {
            templates.saveDraft(selected, title, body);
            messages.info("agreement.templates.saved", selected);
            select(selected);
        } catch (UserFacingException e) {
            messages.error(e);
        }
    }

    public void publish() {
        try {
            templates.saveDraft(selected, title, body);
            templates.publish(selected, currentUser.getUsername());
            messages.info("agreement.templates.published", selected);
            select(selected);
        } catch (UserFacingException e) {
            messages.error(e);
        }
    }

    public List<AgreementTemplate> getVersions() {
        if (versions == null) {
            versions = templates.all();
        }
        return versions;
    }

    public Integer getSelected() { return selected; }
    public boolean isSelectedPublished() { return selectedPublished; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
}
