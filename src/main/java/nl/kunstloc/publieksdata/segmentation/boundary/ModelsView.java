package nl.kunstloc.publieksdata.segmentation.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.segmentation.control.DefaultModel;
import nl.kunstloc.publieksdata.segmentation.control.ModelImport;
import nl.kunstloc.publieksdata.segmentation.control.SegmentModels;
import nl.kunstloc.publieksdata.segmentation.entity.ModelKind;
import nl.kunstloc.publieksdata.segmentation.entity.ModelStatus;
import nl.kunstloc.publieksdata.segmentation.entity.ModelSummary;

/**
 * The models page ({@code /admin/models.xhtml}, administrators): every stored segment model version, the one new
 * reports use, importing a new version (two files, CSV or XLSX; nothing is stored unless all of it is right, the
 * findings are listed with their lines), retiring a version and choosing the model for new reports (both confirmed).
 */
@Named
@ViewScoped
public class ModelsView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final long MAX_FILE_BYTES = 50L << 20;

    @Inject
    SegmentModels models;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private String code;
    private String name;
    private ModelKind kind = ModelKind.HOUSEHOLDS;
    private String licence;
    private String sources;
    private transient Part segmentsFile;
    private transient Part countsFile;
    private List<ModelImport.Finding> problems = List.of();
    private List<ModelImport.Finding> warnings = List.of();

    private List<ModelSummary> list;
    private String forNewReports;

    public List<ModelSummary> getModels() {
        if (list == null) {
            list = models.list();
        }
        return list;
    }

    public String getCodeForNewReports() {
        if (forNewReports == null) {
            forNewReports = models.codeForNewReports();
        }
        return forNewReports;
    }

    private void reload() {
        list = null;
        forNewReports = null;
    }

    public boolean isUsedForNewReports(ModelSummary m) {
        return m.status() == ModelStatus.ACTIVE && m.code().equals(getCodeForNewReports())
                && getModels().stream().filter(o -> o.code().equals(m.code()) && o.status() == ModelStatus.ACTIVE)
                .mapToInt(ModelSummary::version).max().orElse(-1) == m.version();
    }

    /** Active, and not the last active version of the default model (reports always need one). */
    public boolean isRetirable(ModelSummary m) {
        return m.status() == ModelStatus.ACTIVE && !(isDefault(m)
                && getModels().stream().noneMatch(o -> isDefault(o) && o.id() != m.id() && o.status() == ModelStatus.ACTIVE));
    }

    public boolean isDefault(ModelSummary m) {
        return DefaultModel.CODE.equals(m.code());
    }

    public void importModel() {
        problems = List.of();
        warnings = List.of();
        if (isBlank(code) || !code.strip().matches("[a-z0-9][a-z0-9-]{1,59}")) {
            messages.fieldError("importForm:code", "segmentation.models.code.invalid");
            return;
        }
        if (isBlank(name) || isBlank(licence)) {
            messages.error("segmentation.models.required");
            return;
        }
        if (!present(segmentsFile) || !present(countsFile)) {
            messages.error("segmentation.models.files");
            return;
        }
        if (segmentsFile.getSize() > MAX_FILE_BYTES || countsFile.getSize() > MAX_FILE_BYTES) {
            messages.error("segmentation.models.tooLarge", MAX_FILE_BYTES >> 20);
            return;
        }
        try (InputStream segments = segmentsFile.getInputStream(); InputStream counts = countsFile.getInputStream()) {
            ModelImport.Result result = models.importModel(
                    new SegmentModels.ImportRequest(code.strip(), name.strip(), kind, licence.strip(), sources),
                    segments, segmentsFile.getSubmittedFileName(), counts, countsFile.getSubmittedFileName(), currentUser.getUsername());
            warnings = result.warnings();
            if (result.ok()) {
                reload();
                messages.info("segmentation.models.stored", result.model().ref().name(), result.model().ref().version(),
                        result.model().segments().size(), result.model().pc4s().size());
                code = null;
                name = null;
                licence = null;
                sources = null;
            } else {
                problems = result.problems();
                messages.error("segmentation.models.refused", problems.size());
            }
        } catch (IOException e) {
            messages.error("segmentation.models.unreadable", e.getMessage());
        }
    }

    /** Retires the version: the id is one of the listed versions (checked here, not taken on trust). */
    public void retire(long id) {
        ModelSummary m = getModels().stream().filter(s -> s.id() == id).findFirst().orElse(null);
        if (m == null || m.status() != ModelStatus.ACTIVE) {
            messages.error("segmentation.models.notActive");
            return;
        }
        if (!isRetirable(m)) {
            messages.error("segmentation.models.lastDefault");
            return;
        }
        models.retire(id, currentUser.getUsername());
        reload();
        messages.info("segmentation.models.retired", m.label());
    }

    public void choose(String chosen) {
        if (getModels().stream().noneMatch(m -> m.code().equals(chosen) && m.status() == ModelStatus.ACTIVE)) {
            messages.error("segmentation.models.notActive");
            return;
        }
        models.choose(chosen, currentUser.getUsername());
        reload();
        messages.info("segmentation.models.chosen", chosen);
    }

    public String problemText(ModelImport.Finding f) {
        return messages.text("segmentation.models.problem." + f.problem().name());
    }

    public ModelKind[] getKinds() {
        return ModelKind.values();
    }

    private static boolean present(Part part) {
        return part != null && part.getSize() > 0;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public ModelKind getKind() { return kind; }
    public void setKind(ModelKind kind) { this.kind = kind; }
    public String getLicence() { return licence; }
    public void setLicence(String licence) { this.licence = licence; }
    public String getSources() { return sources; }
    public void setSources(String sources) { this.sources = sources; }
    public Part getSegmentsFile() { return segmentsFile; }
    public void setSegmentsFile(Part segmentsFile) { this.segmentsFile = segmentsFile; }
    public Part getCountsFile() { return countsFile; }
    public void setCountsFile(Part countsFile) { this.countsFile = countsFile; }
    public List<ModelImport.Finding> getProblems() { return problems; }
    public List<ModelImport.Finding> getWarnings() { return warnings; }
}
