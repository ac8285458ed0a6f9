package nl.kunstloc.publieksdata.workflow;

import java.time.Instant;
import java.util.Set;

/**
 * What the inbox asks for.
 *
 * @param user          the signed-in user
 * @param groups        the user's workflow groups (roles and institution groups)
 * @param scope         whose tasks
 * @param text          part of the institution's name or the task's name, or null
 * @param processKey    one process, or null for all
 * @param overdueAt     only tasks due before this moment, or null
 * @param sort          the column to sort on
 * @param ascending     sort direction
 */
public record InboxQuery(String user, Set<String> groups, Scope scope, String text, String processKey, Instant overdueAt,
                         Sort sort, boolean ascending) {

    public enum Scope {
        /** assigned to me, or open to one of my groups */
        MINE_AND_GROUPS,
        /** assigned to me only */
        ASSIGNED_TO_ME,
        /** every open task of the pilot (coordinators) */
        ALL
    }

    public enum Sort { CREATED, DUE, NAME }
}
