package nl.kunstloc.publieksdata.session.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.session.control.Evaluations;
import nl.kunstloc.publieksdata.session.entity.KnowledgeSession;

/** The evaluation form for attendees: a rating from 1 to 5 and comments, once per person. */
@Named("sessionEvaluateView")
@ViewScoped
public class EvaluateView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Evaluations evaluations;

    @Inject
    SessionAccess access;

    @Inject
    Messages messages;

    private Long id;
    private KnowledgeSession session;
    private Integer rating;
    private String comments;
    private boolean done;

    public void load() {
        session = access.visible(id).orElse(null);
        if (session != null) {
            done = evaluations.hasEvaluated(id, access.viewer().username());
        }
    }

    public void submit() {
        try {
            evaluations.submit(session, access.viewer().username(), rating, comments);
            done = true;
            messages.info("session.evaluate.thanks");
        } catch (UserFacingException e) {
            messages.error(e);
        }
    }

    public boolean isMayEvaluate() {
        return !done && evaluations.mayEvaluate(session, access.viewer().username());
    }

    public Integer[] getRatings() { return new Integer[]{1, 2, 3, 4, 5}; }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public KnowledgeSession getSession() { return session; }
    public Integer getRating() { return rating; }
    public void setRating(Integer rating) { this.rating = rating; }
    public String getComments() { return comments; }
    public void setComments(String comments) { this.comments = comments; }
    public boolean isDone() { return done; }
}
