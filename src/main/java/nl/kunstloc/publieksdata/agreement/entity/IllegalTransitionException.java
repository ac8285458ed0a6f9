package nl.kunstloc.publieksdata.agreement.entity;

/** An agreement was asked to move to a status it cannot reach from where it is (e.g. sign a withdrawn one). */
public class IllegalTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final AgreementStatus from;
    private final AgreementStatus to;

    public IllegalTransitionException(String number, AgreementStatus from, AgreementStatus to) {
        super("agreement " + number + " cannot go from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public AgreementStatus from() {
        return from;
    }

    public AgreementStatus to() {
        return to;
    }
}
