package nl.kunstloc.publieksdata.delivery.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import nl.kunstloc.publieksdata.delivery.control.ApiTokens;

/**
 * Every /api request needs a valid institution token ("Authorization: Bearer pd_..."): denied by
 * default (web.xml leaves /api/* public for this filter to decide), so an unknown path says 401 too.
 */
@WebFilter("/api/*")
public class ApiTokenFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String INSTITUTION = "publieksdata.institutionId";

    @Inject
    transient ApiTokens tokens;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String header = request.getHeader("Authorization");
        Optional<Long> institution = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? tokens.authenticate(header.substring(7).strip()) : Optional.empty();
        if (institution.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"publieksdata\"");
            ApiDeliveriesServlet.json(response, 401, Json.createObjectBuilder().add("error", "unauthorized")
                    .add("message", "A valid institution API token is required (Authorization: Bearer ...).").build());
            return;
        }
        request.setAttribute(INSTITUTION, institution.get());
        chain.doFilter(request, response);
    }
}
