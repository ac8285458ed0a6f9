package nl.kunstloc.publieksdata.agreement.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import nl.kunstloc.publieksdata.agreement.control.SigningConfirmation;

/** An agreement task that is signed: password, the signer's typed name and the agreement box. */
abstract class SigningTaskView extends AgreementTaskView {

    private static final long serialVersionUID = 1L;

    private String password;
    private String typedName;
    private boolean agreed;

    SigningConfirmation confirmation() {
        return new SigningConfirmation(password, typedName, agreed);
    }

    /** After a refused attempt the password field is emptied, never sent back to the browser. */
    void forgetPassword() {
        password = null;
    }

    /** The address the request came from, as the container sees it; X-Forwarded-For is not trusted. */
    static String clientIp() {
        return ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest()).getRemoteAddr();
    }

    public String getExpectedName() { return currentUser.getDisplayName(); }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getTypedName() { return typedName; }
    public void setTypedName(String typedName) { this.typedName = typedName; }
    public boolean isAgreed() { return agreed; }
    public void setAgreed(boolean agreed) { this.agreed = agreed; }
}
