package nl.kunstloc.publieksdata.delivery.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import nl.kunstloc.publieksdata.delivery.control.ApiTokens;
import nl.kunstloc.publieksdata.delivery.control.Deliveries;
import nl.kunstloc.publieksdata.delivery.control.UnreadableExportException;
import nl.kunstloc.publieksdata.delivery.entity.Delivery;
import nl.kunstloc.publieksdata.delivery.entity.DeliveryProblem;
import nl.kunstloc.publieksdata.delivery.entity.ProblemSummary;
import nl.kunstloc.publieksdata.institution.entity.TicketingSystem;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Deliveries by script: upload an export, then poll its status. See docs/api.md. */
@RequestScoped
@Path("v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "deliveries")
@SecurityRequirement(name = "institutionToken")
public class DeliveriesResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    Deliveries deliveries;

    @Context
    ContainerRequestContext request;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Inject
    ApiTokens tokens;

    /**
     * The token's institution, checked here again and not only in the filter: the filter denies
     * other /api paths, but the resource must not depend on a property handed over by it.
     */
    private Long institution() {
        String header = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? tokens.authenticate(header.substring(7).strip()).orElse(null) : null;
    }

    @POST
    @Consumes({"text/csv", "text/plain", XLSX})
    @Operation(summary = "Deliver a ticketing export",
            description = "The body is the file (CSV in any common dialect, or XLSX). Validation runs asynchronously: poll the Location.")
    @APIResponse(responseCode = "202", description = "Received; {\"id\": ...}, Location of the delivery")
    @APIResponse(responseCode = "400", description = "Empty, header-only or binary file, an unknown mapping preset, a cell or row beyond the read limits, a zip bomb or an unreadable encoding; {error, message, line?}; nothing stored")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "409", description = "The institution has no active data-sharing agreement; nothing stored")
    @APIResponse(responseCode = "413", description = "Larger than the configured limit (publieksdata.delivery.max-upload-bytes)")
    public Response deliver(InputStream body,
                            @Parameter(description = "mapping preset: ticketmatic, active-tickets, see-tickets, eventbrite, ticketmaster")
                            @QueryParam("mapping") String preset) {
        Long institutionId = institution();
        if (institutionId == null) {
            return error(401, "unauthorized", "A valid institution API token is required (Authorization: Bearer ...).");
        }
        try {
            Optional<TicketingSystem> system = Deliveries.preset(preset);
            boolean xlsx = headers.getMediaType() != null && XLSX.equals(headers.getMediaType().getType() + "/" + headers.getMediaType().getSubtype());
            Deliveries.Upload upload = deliveries.receive(institutionId, body, xlsx ? "api-upload.xlsx" : "api-upload.csv", system);
            Delivery delivery;
            try {
                delivery = deliveries.importUpload(institutionId, upload, null, false, null, "api");
            } catch (RuntimeException e) {
                deliveries.discard(upload);
                throw e;
            }
            return Response.accepted(Json.createObjectBuilder().add("id", delivery.getId())
                            .add("status", delivery.getStatus().name()).build().toString())
                    .location(uri.getAbsolutePathBuilder().path(String.valueOf(delivery.getId())).build()).build();
        } catch (UnreadableExportException e) {
            int status = "delivery.upload.tooLarge".equals(e.messageKey()) ? 413 : 400;
            Object[] arguments = e.arguments();
            JsonObjectBuilder json = Json.createObjectBuilder().add("error", e.messageKey())
                    .add("message", Messages.format(Locale.ENGLISH, e.messageKey(), arguments));
            if (arguments.length > 0 && arguments[0] instanceof Number line && line.longValue() > 0) {
                // the read limits and encoding refusals name the physical line of the file
                json.add("line", line.longValue());
            }
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(json.build().toString()).build();
        } catch (UserFacingException e) {
            return error(409, e.messageKey(), Messages.format(Locale.ENGLISH, e.messageKey(), e.arguments()));
        }
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Status and validation report of a delivery")
    @APIResponse(responseCode = "200", description = "{status, rows{read,accepted,rejected,skipped}, matchRate, problems[{code,count,examples}]}")
    @APIResponse(responseCode = "404", description = "No such delivery for this institution")
    public Response status(@PathParam("id") String id) {
        Long deliveryId;
        try {
            deliveryId = Long.valueOf(id);
        } catch (NumberFormatException e) {
            return error(404, "notFound", "No such delivery.");
        }
        Long institutionId = institution();
        if (institutionId == null) {
            return error(401, "unauthorized", "A valid institution API token is required (Authorization: Bearer ...).");
        }
        Optional<Delivery> found = deliveries.reload(deliveryId).filter(d -> d.getInstitutionId().equals(institutionId));
        if (found.isEmpty()) {
            return error(404, "notFound", "No such delivery.");
        }
        Delivery d = found.get();
        JsonArrayBuilder problems = Json.createArrayBuilder();
        for (DeliveryProblem p : d.getProblems()) {
            JsonArrayBuilder examples = Json.createArrayBuilder();
            for (ProblemSummary.Example e : p.getExamples()) {
                examples.add(Json.createObjectBuilder().add("line", e.line()).add("value", e.value()));
            }
            problems.add(Json.createObjectBuilder().add("code", p.getCode().name()).add("count", p.getCount())
                    .add("share", p.getShare()).add("examples", examples));
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", d.getId())
                .add("status", d.getStatus().name())
                .add("version", d.getDeliveryVersion())
                .add("progressRows", d.getProgressRows())
                .add("rows", Json.createObjectBuilder().add("read", d.getRowsRead()).add("accepted", d.getRowsAccepted())
                        .add("rejected", d.getRowsRejected()).add("skipped", d.getRowsSkipped()))
                .add("matchRate", d.matchRate())
                .add("problems", problems);
        if (d.getFailure() != null) {
            json.add("failure", Messages.format(Locale.ENGLISH, d.getFailure(), d.getFailureArguments()));
        }
        return Response.ok(json.build().toString()).build();
    }

    private static Response error(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("error", code).add("message", message).build().toString()).build();
    }
}
