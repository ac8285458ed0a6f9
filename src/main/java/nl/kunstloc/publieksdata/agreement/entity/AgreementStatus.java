package nl.kunstloc.publieksdata.agreement.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where one agreement version stands. A declined version stays declined: a new version is a new
 * agreement (with its own number and PDF), so what the director refused remains on record.
 */
public enum AgreementStatus {
    DRAFT,
    AWAITING_DIRECTOR,
    AWAITING_COORDINATOR,
    ACTIVE,
    DECLINED,
    ABANDONED,
    EXPIRED,
    WITHDRAWN;

    /** The statuses this one may move to; everything else is a bug or a stale page, and is refused. */
    public Set<AgreementStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(AWAITING_DIRECTOR);
            case AWAITING_DIRECTOR -> EnumSet.of(AWAITING_COORDINATOR, DECLINED, ABANDONED);
            case AWAITING_COORDINATOR -> EnumSet.of(ACTIVE, ABANDONED);
            case DECLINED -> EnumSet.of(ABANDONED);
            case ACTIVE -> EnumSet.of(EXPIRED, WITHDRAWN);
            case ABANDONED, EXPIRED, WITHDRAWN -> EnumSet.noneOf(AgreementStatus.class);
        };
    }

    public boolean mayMoveTo(AgreementStatus target) {
        return next().contains(target);
    }

    /** Over: nothing will happen to this version any more. */
    public boolean isFinal() {
        return next().isEmpty() || this == DECLINED;
    }

    public String messageKey() {
        return "agreement.status." + name();
    }
}
