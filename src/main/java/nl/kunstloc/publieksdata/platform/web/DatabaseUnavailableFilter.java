package nl.kunstloc.publieksdata.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * While the database cannot be reached (restarted, failed over, the network between), a request that needs it
 * answers 503 with a page of its own that needs nothing but this filter (issue 15): the portal's error page is a
 * Faces page whose header reads the signed-in user from the database, so it failed too and the browser got an
 * empty answer. The API answers the same as JSON. The pool connects again by itself once the database is back
 * (DatabaseMigration: validation, fail-all-connections, retries); nothing is half-saved, as every action is one
 * transaction.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class DatabaseUnavailableFilter extends HttpFilter {

    static final String PAGE = "/WEB-INF/errors/database-unavailable.html";
    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!databaseUnreachable(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warning(() -> request.getMethod() + " " + request.getRequestURI() + ": the database cannot be reached, answered 503 ("
                    + rootMessage(e) + ")");
            answerUnavailable(request, response);
        }
    }

    private void answerUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "30");
        response.setHeader("Cache-Control", "no-store");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"error\":\"database_unavailable\",\"message\":\"The database cannot be reached right now;"
                    + " nothing was saved. Try again in a minute.\"}");
            return;
        }
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        try (InputStream page = getServletContext().getResourceAsStream(PAGE)) {
            response.getWriter().write(page == null ? "Database unavailable" : new String(page.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /**
     * A connection that could not be made or broke off, somewhere in the cause chain: SQL state class 08
     * (connection exception), a refused socket, or the pool's "Error in allocating a connection".
     */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && state.startsWith("08")) {
                    return true;
                }
                if (sql.getMessage() != null && sql.getMessage().contains("Error in allocating a connection")) {
                    return true;
                }
            }
            if (t instanceof ConnectException) {
                return true;
            }
            if (t instanceof ServletException servlet && servlet.getRootCause() != null && servlet.getRootCause() != t.getCause()) {
                if (databaseUnreachable(servlet.getRootCause())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage()).lines().findFirst().orElse("");
    }
}
