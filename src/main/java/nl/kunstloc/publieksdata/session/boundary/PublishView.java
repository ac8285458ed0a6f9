package nl.kunstloc.publieksdata.session.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import nl.kunstloc.publieksdata.institution.entity.InstitutionType;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.session.control.Evaluations;
import nl.kunstloc.publieksdata.session.control.KnowledgeBase;
import nl.kunstloc.publieksdata.session.control.MaterialInspection;
import nl.kunstloc.publieksdata.session.control.Materials;
import nl.kunstloc.publieksdata.session.entity.EvaluationSummary;
import nl.kunstloc.publieksdata.session.entity.KnowledgeSession;
import nl.kunstloc.publieksdata.session.entity.MaterialInfo;
import jakarta.servlet.http.Part;

/**
 * Task publishSessionNotes: the coordinator writes the notes and takeaways, uploads materials
 * (each stored at once, after its content is checked) and publishes to the knowledge base.
 */
@Named("sessionPublishView")
@ViewScoped
public class PublishView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    KnowledgeBase knowledgeBase;

    @Inject
    Materials materials;

    @Inject
    Evaluations evaluations;

    @Inject
    SessionAccess access;

    @Inject
    Messages messages;

    private String taskId;
    private KnowledgeSession session;
    private String notes;
    private String tags;
    private InstitutionType[] types = new InstitutionType[0];
    private transient Part file;

    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        access.task(taskId, "publishSessionNotes").ifPresent(t -> {
            session = t.session();
            notes = session.getNotes();
            tags = session.getTheme().toLowerCase(java.util.Locale.forLanguageTag("nl"));
        });
    }

    public void upload() {
        String fileName = file == null ? null : file.getSubmittedFileName();
        if (fileName == null || fileName.isBlank()) {
            messages.error("session.material.error.none");
            return;
        }
        try (InputStream in = file.getInputStream()) {
            MaterialInspection.checkSize(fileName, file.getSize());
            MaterialInfo stored = materials.store(session.getId(), fileName, in.readAllBytes(), access.viewer().username());
            messages.info("session.material.stored", stored.fileName());
        } catch (UserFacingException e) {
            messages.error(e);
        } catch (IOException e) {
            messages.error("session.material.error.unreadable", fileName);
        }
    }

    public void remove(MaterialInfo material) {
        if (!getMaterials().contains(material)) {
            return; // only this session's materials are listed, so only those can be removed
        }
        materials.remove(material.id(), access.viewer().username());
        messages.info("session.material.removed", material.fileName());
    }

    public String publish() {
        try {
            knowledgeBase.publishSessionNotes(session.getId(), taskId, notes,
                    tags == null ? List.of() : Arrays.asList(tags.split(",")), Arrays.asList(types), access.viewer().username());
            messages.info("session.publish.done", session.getTitle());
            messages.keepForRedirect();
            return "/session/detail?faces-redirect=true&id=" + session.getId();
        } catch (UserFacingException e) {
            messages.error(e);
            return null;
        }
    }

    public List<MaterialInfo> getMaterials() {
        return materials.of(session.getId());
    }

    public EvaluationSummary getEvaluationSummary() {
        return evaluations.summary(session.getId());
    }

    public InstitutionType[] getAllTypes() { return InstitutionType.values(); }
    public String getTaskId() { return taskId; }
    public void setTaskId(String taskId) { this.taskId = taskId; }
    public KnowledgeSession getSession() { return session; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public String getTags() { return tags; }
    public void setTags(String tags) { this.tags = tags; }
    public InstitutionType[] getTypes() { return types; }
    public void setTypes(InstitutionType[] types) { this.types = types == null ? new InstitutionType[0] : types; }
    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
}
