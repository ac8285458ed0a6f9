package nl.kunstloc.publieksdata.delivery.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Optional;
import nl.kunstloc.publieksdata.agreement.control.Agreements;
import nl.kunstloc.publieksdata.delivery.control.Deliveries;
import nl.kunstloc.publieksdata.delivery.control.UnreadableExportException;
import nl.kunstloc.publieksdata.delivery.entity.Delivery;
import nl.kunstloc.publieksdata.delivery.entity.DeliveryStatus;
import nl.kunstloc.publieksdata.delivery.entity.Preview;
import nl.kunstloc.publieksdata.platform.security.AccessGuard;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import jakarta.servlet.http.Part;

/**
 * Upload an export: the file is received and checked, its first rows and proposed mapping shown, the
 * mapping adjusted; only "Import" makes it a delivery. With {@code ?replaces=<id>} the file is a
 * corrected version of a delivery that needs attention.
 */
@Named
@ViewScoped
public class UploadView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Deliveries deliveries;

    @Inject
    Agreements agreements;

    @Inject
    AccessGuard guard;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private Long replaces;
    private Delivery replaced;
    private String refusal;
    private transient Part file;
    private Deliveries.Upload upload;
    private MappingEditor editor;
    private boolean saveMapping = true;

    public void load() {
        Long institutionId = currentUser.getInstitutionId();
        if (institutionId == null) {
            refusal = messages.text("delivery.upload.noInstitution");
            return;
        }
        if (replaces != null) {
            replaced = deliveries.find(replaces).orElse(null);
            if (!guard.require(replaced != null && replaced.getInstitutionId().equals(institutionId)
                    && (replaced.getStatus() == DeliveryStatus.NEEDS_ATTENTION || replaced.getStatus() == DeliveryStatus.REJECTED),
                    "delivery " + replaces)) {
                return;
            }
        }
        try {
            agreements.requireActiveAgreement(institutionId);
        } catch (UserFacingException e) {
            refusal = messages.text(e.messageKey(), e.arguments());
        }
    }

    public void receive() {
        if (file == null || file.getSize() == 0) {
            messages.error("delivery.upload.empty");
            return;
        }
        discardPending();
        try (InputStream in = file.getInputStream()) {
            upload = deliveries.receive(currentUser.getInstitutionId(), in, file.getSubmittedFileName(), Optional.empty());
            editor = new MappingEditor(upload.preview());
        } catch (UnreadableExportException e) {
            messages.error(e.messageKey(), e.arguments());
        } catch (UserFacingException e) {
            messages.error(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String importDelivery() {
        if (upload == null) {
            return null;
        }
        if (!editor.isComplete()) {
            // never start a validation that can only say "a required column is missing"
            messages.error("delivery.mapping.incomplete", fieldNames(editor));
            return null;
        }
        try {
            Delivery delivery = deliveries.importUpload(currentUser.getInstitutionId(), upload, editor.mapping(),
                    saveMapping, replaces, currentUser.getUsername());
            upload = null;
            messages.info("delivery.upload.imported", delivery.getFileName());
            messages.keepForRedirect();
            return "/delivery/delivery?faces-redirect=true&id=" + delivery.getId();
        } catch (IllegalArgumentException e) {
            messages.error("delivery.mapping.duplicate");
            return null;
        } catch (UserFacingException e) {
            messages.error(e);
            return null;
        }
    }

    /** "Orderdatum, Postcode": the fields still missing, in the user's language. */
    String fieldNames(MappingEditor editor) {
        return String.join(", ", editor.getMissingRequired().stream()
                .map(f -> messages.text("delivery.field." + f)).toList());
    }

    public void cancel() {
        discardPending();
        editor = null;
    }

    private void discardPending() {
        if (upload != null) {
            deliveries.discard(upload);
            upload = null;
        }
    }

    public Preview getPreview() {
        return upload == null ? null : upload.preview();
    }

    public long getMaxBytes() {
        return deliveries.maxUploadBytes();
    }

    public Long getReplaces() { return replaces; }
    public void setReplaces(Long replaces) { this.replaces = replaces; }
    public Delivery getReplaced() { return replaced; }
    public String getRefusal() { return refusal; }
    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
    public MappingEditor getEditor() { return editor; }
    public boolean isSaveMapping() { return saveMapping; }
    public void setSaveMapping(boolean saveMapping) { this.saveMapping = saveMapping; }
}
