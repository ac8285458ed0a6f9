package nl.kunstloc.publieksdata.audit.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import nl.kunstloc.publieksdata.platform.mail.DemoMailServer;

/** Demo mode: the e-mails the portal sent, with their links, so a newcomer can follow an invitation. */
@Named
@RequestScoped
public class SentMailView {

    @Inject
    DemoMailServer mailServer;

    private List<DemoMailServer.SentMail> mails;

    public boolean isDemo() {
        return mailServer.isRunning();
    }

    public List<DemoMailServer.SentMail> getMails() {
        if (mails == null) {
            mails = mailServer.sentMails();
        }
        return mails;
    }
}
