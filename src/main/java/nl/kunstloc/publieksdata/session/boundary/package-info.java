/** The session pages' view beans and the delegates called from bpmn/knowledge-session.bpmn. */
package nl.kunstloc.publieksdata.session.boundary;
