package nl.kunstloc.publieksdata.delivery.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import nl.kunstloc.publieksdata.delivery.control.Deliveries;
import nl.kunstloc.publieksdata.delivery.control.UnreadableExportException;
import nl.kunstloc.publieksdata.delivery.entity.Delivery;
import nl.kunstloc.publieksdata.delivery.entity.DeliveryProblem;
import nl.kunstloc.publieksdata.delivery.entity.ProblemSummary;
import nl.kunstloc.publieksdata.institution.entity.TicketingSystem;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;

/**
 * The delivery API: {@code POST /api/v1/deliveries} (the export as the body) and
 * {@code GET /api/v1/deliveries/{id}}. A servlet rather than Jakarta REST: activating JAX-RS in this
 * WAR switches on Jersey's CDI extension, which wraps every {@code @Transactional} bean's type, and
 * Payara then leaves their {@code @PersistenceContext} fields null (seen at start-up: the agreement demo
 * failed with em == null). The OpenAPI description is static: {@code META-INF/openapi.yaml}.
 */
@WebServlet("/api/v1/deliveries/*")
public class ApiDeliveriesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    transient Deliveries deliveries;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getPathInfo() != null && !request.getPathInfo().equals("/")) {
            error(response, 405, "methodNotAllowed", "POST to /api/v1/deliveries.");
            return;
        }
        String type = request.getContentType() == null ? "" : request.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        boolean xlsx = XLSX.equals(type);
        if (!xlsx && !type.equals("text/csv") && !type.equals("text/plain")) {
            error(response, 415, "unsupportedMediaType", "Send the export as text/csv or " + XLSX + ".");
            return;
        }
        Long institutionId = (Long) request.getAttribute(ApiTokenFilter.INSTITUTION);
        try {
            Optional<TicketingSystem> system = Deliveries.preset(request.getParameter("mapping"));
            if (request.getContentLengthLong() > deliveries.maxUploadBytes()) {
                throw new UnreadableExportException("delivery.upload.tooLarge", "too large");
            }
            Deliveries.Upload upload;
            try (InputStream body = request.getInputStream()) {
                upload = deliveries.receive(institutionId, body, xlsx ? "api-upload.xlsx" : "api-upload.csv", system);
            }
            Delivery delivery;
            try {
                delivery = deliveries.importUpload(institutionId, upload, null, false, null, "api");
            } catch (RuntimeException e) {
                deliveries.discard(upload);
                throw e;
            }
            String location = request.getRequestURL().toString().replaceAll("/+$", "") + "/" + delivery.getId();
            response.setHeader("Location", location);
            json(response, 202, Json.createObjectBuilder().add("id", delivery.getId())
                    .add("status", delivery.getStatus().name()).build());
        } catch (UnreadableExportException e) {
            int status = "delivery.upload.tooLarge".equals(e.messageKey()) ? 413 : 400;
            error(response, status, e.messageKey(), Messages.format(Locale.ENGLISH, e.messageKey()));
        } catch (UserFacingException e) {
            error(response, 409, e.messageKey(), Messages.format(Locale.ENGLISH, e.messageKey(), e.arguments()));
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long institutionId = (Long) request.getAttribute(ApiTokenFilter.INSTITUTION);
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().replaceAll("^/|/$", "");
        Optional<Delivery> found;
        try {
            found = deliveries.reload(Long.valueOf(path)).filter(d -> d.getInstitutionId().equals(institutionId));
        } catch (NumberFormatException e) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            error(response, 404, "notFound", "No such delivery.");
            return;
        }
        json(response, 200, status(found.get()));
    }

    static JsonObject status(Delivery d) {
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
            json.add("failure", Messages.format(Locale.ENGLISH, d.getFailure()));
        }
        return json.build();
    }

    static void error(HttpServletResponse response, int status, String code, String message) throws IOException {
        json(response, status, Json.createObjectBuilder().add("error", code).add("message", message).build());
    }

    static void json(HttpServletResponse response, int status, JsonObject body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
