package nl.kunstloc.publieksdata.dashboard.entity;

/**
 * The steps of the pilot an institution goes through, in order. The funnel counts, per step, the institutions
 * that reached it (or a later one): an institution that applied on its own was never invited, so "invited"
 * counts invitations and applications alike.
 */
public enum FunnelStage {
    INVITED,
    APPLIED,
    ONBOARDING,
    AGREEMENT_SIGNED,
    DATA_DELIVERED,
    VALIDATED,
    REPORT_PUBLISHED,
    IN_SESSIONS;

    public String messageKey() {
        return "dashboard.stage." + name();
    }
}
