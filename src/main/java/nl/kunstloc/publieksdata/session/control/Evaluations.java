package nl.kunstloc.publieksdata.session.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import nl.kunstloc.publieksdata.platform.audit.AuditTrail;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.session.entity.Evaluation;
import nl.kunstloc.publieksdata.session.entity.EvaluationSummary;
import nl.kunstloc.publieksdata.session.entity.KnowledgeSession;
import nl.kunstloc.publieksdata.session.entity.Registration;
import nl.kunstloc.publieksdata.session.entity.SessionStatus;

/** The evaluation form: one per attendee, after attendance is recorded; and the summary for the coordinator. */
@Stateless
public class Evaluations {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    /** May this person fill in the form now? Only recorded attendees, once. */
    public boolean mayEvaluate(KnowledgeSession session, String username) {
        return (session.getStatus() == SessionStatus.HELD || session.getStatus() == SessionStatus.PUBLISHED)
                && session.registrationOf(username).filter(Registration::isAttended).isPresent();
    }

    public boolean hasEvaluated(Long sessionId, String username) {
        return em.createQuery("select count(e) from Evaluation e where e.sessionId = :s and e.username = :u", Long.class)
                .setParameter("s", sessionId).setParameter("u", username).getSingleResult() > 0;
    }

    public Evaluation submit(KnowledgeSession session, String username, Integer rating, String comments) {
        if (!mayEvaluate(session, username)) {
            throw new UserFacingException("session.evaluate.error.notAttendee");
        }
        if (hasEvaluated(session.getId(), username)) {
            throw new UserFacingException("session.evaluate.error.already");
        }
        Evaluation evaluation = new Evaluation(session.getId(), username, rating, comments, clock.instant());
        em.persist(evaluation);
        audit.recordAs(username, "session.evaluated", "session", session.getId(), null, null);
        return evaluation;
    }

    public EvaluationSummary summary(Long sessionId) {
        List<Evaluation> all = em.createQuery("select e from Evaluation e where e.sessionId = :s order by e.submittedAt", Evaluation.class)
                .setParameter("s", sessionId).getResultList();
        return EvaluationSummary.of(all);
    }
}
