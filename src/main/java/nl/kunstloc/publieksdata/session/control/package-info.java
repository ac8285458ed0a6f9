/** Persistence, mails, the iCalendar file, file checks and search for sessions and the knowledge base; testable without a server. */
package nl.kunstloc.publieksdata.session.control;
