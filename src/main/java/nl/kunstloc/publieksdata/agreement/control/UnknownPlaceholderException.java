package nl.kunstloc.publieksdata.agreement.control;

import java.util.Set;

/**
 * A template asks for a value nobody provides. Failing is the point: an agreement with a blank where
 * the retention period should be must never reach a director for signing.
 */
public class UnknownPlaceholderException extends IllegalArgumentException {

    private final Set<String> unknown;

    public UnknownPlaceholderException(Set<String> unknown) {
        super("the template uses unknown placeholders: " + unknown);
        this.unknown = Set.copyOf(unknown);
    }

    public Set<String> unknown() {
        return unknown;
    }
}
