package nl.kunstloc.publieksdata.workflow;

import java.time.Instant;

/** A comment on a process instance. */
public record ProcessComment(String author, Instant time, String text) {
}
