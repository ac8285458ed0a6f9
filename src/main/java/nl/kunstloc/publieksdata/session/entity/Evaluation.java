package nl.kunstloc.publieksdata.session.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;

/**
 * One attendee's evaluation of a session: a rating from 1 to 5 and optional comments. The name is
 * kept only to allow one evaluation per person; summaries show no names.
 */
@Entity
@Table(name = "session_evaluation")
public class Evaluation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "session_evaluation_seq")
    @SequenceGenerator(name = "session_evaluation_seq", sequenceName = "session_evaluation_seq", allocationSize = 50)
    private Long id;

    @Column(name = "session_id", nullable = false)
    private Long sessionId;

    @Column(nullable = false)
    private String username;

    private int rating;

    private String comments;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    protected Evaluation() {
    }

    public Evaluation(Long sessionId, String username, Integer rating, String comments, Instant now) {
        if (rating == null || rating < 1 || rating > 5) {
            throw new UserFacingException("session.evaluate.error.rating");
        }
        if (comments != null && comments.length() > 4000) {
            throw new UserFacingException("session.error.tooLong");
        }
        this.sessionId = Objects.requireNonNull(sessionId);
        this.username = Objects.requireNonNull(username);
        this.rating = rating;
        this.comments = comments == null || comments.isBlank() ? null : comments.trim();
        this.submittedAt = Objects.requireNonNull(now);
    }

    public Long getId() { return id; }
    public Long getSessionId() { return sessionId; }
    public String getUsername() { return username; }
    public int getRating() { return rating; }
    public String getComments() { return comments; }
    public Instant getSubmittedAt() { return submittedAt; }
}
