package nl.kunstloc.publieksdata.dashboard.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.kunstloc.publieksdata.dashboard.control.PolicyScope;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.security.UserAccount;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;

/**
 * The PC4 shapes of one municipality for the municipality view's map: {@code /dashboard/pc4.geojson?gm=GM0772}, cut
 * from the bundled CBS/PDOK PC4 file (public data, but only for an area the user may open, as the page). Unknown
 * or refused areas answer 404.
 */
@WebServlet("/dashboard/pc4.geojson")
public class Pc4ShapesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String SHAPES = "/reference/nb_pc4_2021.geojson";

    @Inject
    CurrentUser currentUser;

    @Inject
    PostcodeDirectory directory;

    private final Map<String, byte[]> cut = new ConcurrentHashMap<>();
    private volatile JsonArray features;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String gm = request.getParameter("gm") == null ? "" : request.getParameter("gm").strip().toUpperCase(Locale.ROOT);
        String own = currentUser.account().map(UserAccount::getPolicyArea).orElse(null);
        if (directory.municipality(gm).isEmpty() || !PolicyScope.mayView(currentUser.roles(), own, gm)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = cut.computeIfAbsent(gm, this::shapesOf);
        response.setContentType("application/geo+json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "private, max-age=3600");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private byte[] shapesOf(String gm) {
        var chosen = Json.createArrayBuilder();
        for (JsonValue v : features()) {
            JsonObject feature = v.asJsonObject();
            String pc4 = feature.getJsonObject("properties").getString("pc4", "");
            if (directory.municipalityOfPc4(pc4).map(m -> m.code().equals(gm)).orElse(false)) {
                chosen.add(feature);
            }
        }
        return Json.createObjectBuilder().add("type", "FeatureCollection").add("features", chosen).build().toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private JsonArray features() {
        JsonArray loaded = features;
        if (loaded == null) {
            try (InputStream in = Pc4ShapesServlet.class.getResourceAsStream(SHAPES); JsonReader reader = Json.createReader(in)) {
                loaded = reader.readObject().getJsonArray("features");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            features = loaded;
        }
        return loaded;
    }
}
