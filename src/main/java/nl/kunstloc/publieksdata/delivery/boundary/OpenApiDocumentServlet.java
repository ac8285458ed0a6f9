package nl.kunstloc.publieksdata.delivery.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The API's OpenAPI description exactly as written (META-INF/openapi.yaml) with this server as its server, at
 * /public/openapi.yaml: the document to generate a client from. Payara's /openapi serves the same document but
 * adds a top-level "endpoints" attribute that OpenAPI does not allow (renamed x-endpoints in Payara pull
 * request 7891, after 6.2025.10), so a strict parser or generator reports "attribute endpoints is unexpected".
 */
@WebServlet("/public/openapi.yaml")
public class OpenApiDocumentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String DOCUMENT = "/META-INF/openapi.yaml";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String document;
        try (InputStream in = getServletContext().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                response.sendError(404);
                return;
            }
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + request.getContextPath();
        response.setContentType("application/yaml; charset=UTF-8");
        response.getWriter().write(withServer(document, base + "/"));
    }

    /** The document with a servers entry before its first top-level key after info: a generated client's default base URL. */
    static String withServer(String document, String url) {
        int tags = document.indexOf("\ntags:");
        if (tags < 0 || document.contains("\nservers:")) {
            return document;
        }
        return document.substring(0, tags + 1) + "servers:\n  - url: \"" + url.replace("\"", "") + "\"\n" + document.substring(tags + 1);
    }
}
