package nl.kunstloc.publieksdata.delivery.boundary;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * The API's own refusals (a wrong method: 405, an unknown path: 404, an unacceptable type: 406/415) as JSON
 * like every other API answer, instead of the server's HTML error report that names the server (issue 11).
 * An answer that already has a body is passed on as it is.
 */
@Provider
public class ApiErrors implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response response = exception.getResponse();
        if (response.hasEntity()) {
            return response;
        }
        Response.StatusType status = response.getStatusInfo();
        String code = status.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-");
        return Response.fromResponse(response)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("error", code)
                        .add("message", "HTTP " + status.getStatusCode() + " " + status.getReasonPhrase()
                                + "; see docs/api.md for the API's paths and methods.")
                        .build().toString())
                .build();
    }
}
