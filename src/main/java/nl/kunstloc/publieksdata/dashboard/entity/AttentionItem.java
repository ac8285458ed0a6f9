package nl.kunstloc.publieksdata.dashboard.entity;

import java.time.Instant;

/**
 * Something in the pilot that waits for a coordinator.
 *
 * @param kind            what it is
 * @param subject         what it is about (an institution's name, an e-mail address)
 * @param detail          the step, the error, the agreement number
 * @param since           since when it waits (or when it is due, for agreements: the end date)
 * @param link            the page that deals with it, relative to the context root, or null
 * @param jobId           for incidents: the failed job to try again
 * @param institutionId   the institution it concerns, or null
 */
public record AttentionItem(Kind kind, String subject, String detail, Instant since, String link, String jobId,
                            Long institutionId, String processInstanceId) implements java.io.Serializable {

    public enum Kind {
        OVERDUE_TASK, UNCLAIMED_TASK, INCIDENT, AGREEMENT_ENDING, DELIVERY_REVIEW, REPORT_REVIEW, INVITATION_UNANSWERED;

        public String messageKey() {
            return "dashboard.attention." + name();
        }
    }

    public boolean isRetryable() {
        return kind == Kind.INCIDENT && jobId != null;
    }
}
