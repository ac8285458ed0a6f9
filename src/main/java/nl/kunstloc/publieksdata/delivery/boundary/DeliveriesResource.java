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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.kunstloc.publieksdata.delivery.control.ApiMapping;
import nl.kunstloc.publieksdata.delivery.control.ApiTokens;
import nl.kunstloc.publieksdata.delivery.control.Deliveries;
import nl.kunstloc.publieksdata.delivery.control.MappingRefusedException;
import nl.kunstloc.publieksdata.delivery.control.MappingText;
import nl.kunstloc.publieksdata.delivery.control.UnreadableExportException;
import nl.kunstloc.publieksdata.delivery.entity.Delivery;
import nl.kunstloc.publieksdata.delivery.entity.DeliveryProblem;
import nl.kunstloc.publieksdata.delivery.entity.MappingProposal;
import nl.kunstloc.publieksdata.delivery.entity.ProblemSummary;
import nl.kunstloc.publieksdata.delivery.entity.SavedMapping;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;

/**
 * Deliveries by script: upload an export, then poll its status. See docs/api.md; the OpenAPI description
 * is src/main/webapp/META-INF/openapi.yaml (kept by hand, served as /public/openapi.yaml and /openapi, checked
 * by OpenApiDocumentTest and DeliveryBrowserIT).
 */
@RequestScoped
@Path("v1")
@Produces(MediaType.APPLICATION_JSON)
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
    @Path("deliveries")
    @Consumes({"text/csv", "text/plain", XLSX, MediaType.APPLICATION_OCTET_STREAM})
    public Response deliver(InputStream body, @QueryParam("mapping") String mapping, @QueryParam("map") List<String> pairs) {
        Long institutionId = institution();
        if (institutionId == null) {
            return error(401, "unauthorized", "A valid institution API token is required (Authorization: Bearer ...).");
        }
        try {
            // a request that is wrong whatever the file is refused before the file is even held
            ApiMapping.Request asked = ApiMapping.parse(mapping, pairs);
            boolean xlsx = headers.getMediaType() != null && XLSX.equals(headers.getMediaType().getType() + "/" + headers.getMediaType().getSubtype());
            Deliveries.Upload upload = deliveries.receive(institutionId, body, xlsx ? "api-upload.xlsx" : "api-upload.csv", asked.preset());
            Delivery delivery;
            try {
                MappingProposal used = ApiMapping.resolve(asked, upload.preview().headers(), upload.preview().proposal(),
                        number -> deliveries.savedMapping(institutionId, number));
                // the mapping is fixed now, as on the upload page: validation reads the file with exactly this one
                delivery = deliveries.importUpload(institutionId, upload, used.mapping(), false, null, "api");
            } catch (RuntimeException e) {
                deliveries.discard(upload);
                throw e;
            }
            return Response.accepted(Json.createObjectBuilder().add("id", delivery.getId())
                            .add("status", delivery.getStatus().name()).build().toString())
                    .location(uri.getAbsolutePathBuilder().path(String.valueOf(delivery.getId())).build()).build();
        } catch (MappingRefusedException e) {
            return mappingRefused(e);
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

    /**
     * 400 for a request that is wrong whatever the file, 422 for a mapping that does not fit this file: with the
     * file's columns, and for a required field without a column the fields missing and the mapping tried, so
     * that a script can say what to add.
     */
    private static Response mappingRefused(MappingRefusedException e) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("error", e.messageKey())
                .add("message", Messages.format(Locale.ENGLISH, e.messageKey(), e.arguments()));
        if (!e.missing().isEmpty()) {
            JsonArrayBuilder missing = Json.createArrayBuilder();
            e.missing().stream().sorted().forEach(f -> missing.add(f.name()));
            json.add("missing", missing);
        }
        e.mapping().ifPresent(m -> {
            JsonObjectBuilder byHeader = Json.createObjectBuilder();
            m.byHeader().forEach((header, field) -> byHeader.add(header, field.name()));
            json.add("mapping", byHeader);
        });
        if (!e.columns().isEmpty()) {
            JsonArrayBuilder columns = Json.createArrayBuilder();
            e.columns().forEach(c -> columns.add(c == null ? "" : c));
            json.add("columns", columns);
        }
        return Response.status(e.inRequest() ? 400 : 422).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(json.build().toString()).build();
    }

    @GET
    @Path("deliveries/{id}")
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

    /**
     * The institution's saved mappings, for {@code ?mapping=<id>}: a first upload through the screens saves its
     * mapping for the header row, which an upload of the same layout uses without being asked; by number it can
     * be used for a file whose header row differs (an extra column).
     */
    @GET
    @Path("mappings")
    public Response mappings() {
        Long institutionId = institution();
        if (institutionId == null) {
            return error(401, "unauthorized", "A valid institution API token is required (Authorization: Bearer ...).");
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (SavedMapping saved : deliveries.savedMappings(institutionId)) {
            JsonObjectBuilder byHeader = Json.createObjectBuilder();
            MappingText.read(saved.getMapping()).byHeader().forEach((header, field) -> byHeader.add(header, field.name()));
            list.add(Json.createObjectBuilder().add("id", saved.getId()).add("savedAt", saved.getSavedAt().toString())
                    .add("mapping", byHeader));
        }
        return Response.ok(Json.createObjectBuilder().add("mappings", list).build().toString()).build();
    }

    private static Response error(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("error", code).add("message", message).build().toString()).build();
    }
}
