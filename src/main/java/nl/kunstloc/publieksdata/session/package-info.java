/**
 * Knowledge sessions and the knowledge base: a coordinator plans a session for an audience of
 * institutions, invitees register (with a waiting list), attendance, evaluation, notes and
 * materials, and publication to searchable articles. Process: bpmn/knowledge-session.bpmn,
 * documented in docs/processes/knowledge-session.md.
 */
package nl.kunstloc.publieksdata.session;
