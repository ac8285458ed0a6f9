package nl.kunstloc.publieksdata.segmentation.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The centre of every Noord-Brabant PC4 area (area-weighted centroid of its CBS 2020 polygon, from
 * {@code reference/nb_pc4_2021.geojson}), and straight-line distances between them. Immutable.
 */
public final class Pc4Centroids {

    static final String GEOJSON = "/reference/nb_pc4_2021.geojson";
    private static final double EARTH_RADIUS_KM = 6371.0088;

    /** A point, WGS84 degrees. */
    public record Point(double latitude, double longitude) {
    }

    private final Map<String, Point> centroids;

    private Pc4Centroids(Map<String, Point> centroids) {
        this.centroids = Map.copyOf(centroids);
    }

    /** Centroids given directly (tests, or another geometry source). */
    public static Pc4Centroids of(Map<String, Point> centroids) {
        return new Pc4Centroids(centroids);
    }

    public static Pc4Centroids load() {
        try (InputStream in = Objects.requireNonNull(Pc4Centroids.class.getResourceAsStream(GEOJSON), GEOJSON)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Pc4Centroids read(InputStream geojson) {
        Map<String, Point> result = new HashMap<>();
        try (JsonReader reader = Json.createReader(geojson)) {
            for (JsonValue f : reader.readObject().getJsonArray("features")) {
                JsonObject feature = f.asJsonObject();
                String pc4 = feature.getJsonObject("properties").getString("pc4");
                JsonObject geometry = feature.getJsonObject("geometry");
                double[] acc = new double[3]; // area, area*x, area*y
                if ("Polygon".equals(geometry.getString("type"))) {
                    addRing(geometry.getJsonArray("coordinates").getJsonArray(0), acc);
                } else {
                    for (JsonValue polygon : geometry.getJsonArray("coordinates")) {
                        addRing(polygon.asJsonArray().getJsonArray(0), acc);
                    }
                }
                if (acc[0] != 0) {
                    result.put(pc4, new Point(acc[2] / acc[0], acc[1] / acc[0]));
                }
            }
        }
        return new Pc4Centroids(result);
    }

    // shoelace formula on lon/lat: at 51-52° N the distortion is the same for every ring, so it cancels
    private static void addRing(JsonArray ring, double[] acc) {
        for (int i = 0; i + 1 < ring.size(); i++) {
            JsonArray a = ring.getJsonArray(i);
            JsonArray b = ring.getJsonArray(i + 1);
            double x0 = a.getJsonNumber(0).doubleValue(), y0 = a.getJsonNumber(1).doubleValue();
            double x1 = b.getJsonNumber(0).doubleValue(), y1 = b.getJsonNumber(1).doubleValue();
            double cross = x0 * y1 - x1 * y0;
            acc[0] += cross / 2;
            acc[1] += (x0 + x1) * cross / 6;
            acc[2] += (y0 + y1) * cross / 6;
        }
    }

    public Optional<Point> of(String pc4) {
        return Optional.ofNullable(pc4 == null ? null : centroids.get(pc4));
    }

    public int size() {
        return centroids.size();
    }

    /** Great-circle distance in km. */
    public static double distanceKm(Point a, Point b) {
        double dLat = Math.toRadians(b.latitude() - a.latitude());
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(a.latitude()))
                * Math.cos(Math.toRadians(b.latitude())) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
    }
}
