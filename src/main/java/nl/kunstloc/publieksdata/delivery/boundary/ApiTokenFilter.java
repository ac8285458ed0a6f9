package nl.kunstloc.publieksdata.delivery.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import nl.kunstloc.publieksdata.delivery.control.ApiTokens;

/**
 * Every /api request needs a valid institution token ("Authorization: Bearer pd_..."): denied by
 * default, before the resource is even matched, so an unknown path says 401 and not 404.
 */
@ApplicationScoped
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class ApiTokenFilter implements ContainerRequestFilter {

    static final String INSTITUTION = "publieksdata.institutionId";

    @Inject
    ApiTokens tokens;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<Long> institution = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? tokens.authenticate(header.substring(7).strip()) : Optional.empty();
        if (institution.isEmpty()) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"publieksdata\"")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Json.createObjectBuilder().add("error", "unauthorized")
                            .add("message", "A valid institution API token is required (Authorization: Bearer ...).")
                            .build().toString())
                    .build());
            return;
        }
        request.setProperty(INSTITUTION, institution.get());
    }
}
