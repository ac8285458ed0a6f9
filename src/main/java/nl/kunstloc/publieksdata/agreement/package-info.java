/**
 * The data-sharing agreement ("verwerkersovereenkomst", GDPR art. 28) between an institution and
 * Kunstloc Brabant.
 *
 * <p>Roles: the institution decides why its ticket buyers' data is processed (it joins the pilot to
 * learn about its own audience), so it is the controller ("verwerkingsverantwoordelijke"). Kunstloc
 * Brabant processes the data on the institution's behalf and only for that purpose, so it is the
 * processor ("verwerker"). The research partner Het PON &amp; Telos performs the segmentation for
 * Kunstloc and is therefore a sub-processor ("subverwerker").
 *
 * <p>{@code entity}: the values an agreement is made of (template versions, details, signatures);
 * {@code control}: turning them into a PDF, hashing, signing pages and checking signatures.
 */
package nl.kunstloc.publieksdata.agreement;
