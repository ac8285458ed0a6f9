package nl.kunstloc.publieksdata.onboarding.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import nl.kunstloc.publieksdata.institution.entity.InstitutionType;
import nl.kunstloc.publieksdata.onboarding.control.OnboardingWorkflow;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.reference.entity.Municipality;

/** The public application form ("Aanmelden"): an institution asks to join; a coordinator decides. */
@Named
@ViewScoped
public class ApplyView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OnboardingWorkflow onboarding;

    @Inject
    PostcodeDirectory postcodes;

    @Inject
    Messages messages;

    private String name;
    private InstitutionType type;
    private String municipality;
    private String contactName;
    private String contactEmail;
    private String motivation;
    private boolean consent;
    private boolean sent;

    public void apply() {
        if (!consent) {
            messages.fieldError("apply:consent", "onboarding.apply.consentRequired");
            return;
        }
        try {
            onboarding.apply(name, type, municipality, contactName, contactEmail, motivation);
            sent = true;
        } catch (UserFacingException e) {
            messages.error(e);
        }
    }

    public List<Municipality> getMunicipalities() { return postcodes.municipalities(); }
    public InstitutionType[] getTypes() { return InstitutionType.values(); }
    public boolean isSent() { return sent; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public InstitutionType getType() { return type; }
    public void setType(InstitutionType type) { this.type = type; }
    public String getMunicipality() { return municipality; }
    public void setMunicipality(String municipality) { this.municipality = municipality; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public String getMotivation() { return motivation; }
    public void setMotivation(String motivation) { this.motivation = motivation; }
    public boolean isConsent() { return consent; }
    public void setConsent(boolean consent) { this.consent = consent; }
}
