package nl.kunstloc.publieksdata.delivery.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.kunstloc.publieksdata.delivery.entity.CanonicalField;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI description (src/main/webapp/META-INF/openapi.yaml) as a client generator reads it, with
 * swagger-parser: no messages, the upload body binary in each content type the resource consumes, and a
 * schema for every answer. {@link #problems} is used by DeliveryBrowserIT on the document the server serves.
 */
public class OpenApiDocumentTest {

    static final Path DOCUMENT = Path.of("src/main/webapp/META-INF/openapi.yaml");

    /** What the resource answers, by operation: each must be described, with a schema. */
    static final Map<String, Set<String>> ANSWERS = Map.of(
            "POST /api/v1/deliveries", Set.of("202", "400", "401", "409", "413", "415", "422"),
            "GET /api/v1/deliveries/{id}", Set.of("200", "401", "404"),
            "GET /api/v1/mappings", Set.of("200", "401"));

    static final Set<String> UPLOAD_TYPES = Set.of("text/csv", "text/plain", DeliveriesResource.XLSX, "application/octet-stream");

    @Test
    void theDocumentIsValidAndDescribesBodiesAsBinaryAndEveryAnswerWithASchema() throws Exception {
        assertThat(problems(Files.readString(DOCUMENT))).isEmpty();
    }

    @Test
    void theServletsCopyNamesTheServerAndStaysValid() throws Exception {
        String served = OpenApiDocumentServlet.withServer(Files.readString(DOCUMENT), "http://portal.example:8080/");
        assertThat(problems(served)).isEmpty();
        assertThat(parse(served).getOpenAPI().getServers()).singleElement()
                .satisfies(server -> assertThat(server.getUrl()).isEqualTo("http://portal.example:8080/"));
    }

    @Test
    void theCheckFindsWhatTheGeneratedDocumentHadWrong() {
        // issue 12: the body an "object", answers without a schema
        String generated = """
                openapi: 3.0.3
                info: {title: t, version: "1"}
                paths:
                  /api/v1/deliveries:
                    post:
                      requestBody:
                        content:
                          text/csv:
                            schema: {type: object}
                      responses:
                        "202": {description: Received}
                """;
        assertThat(problems(generated)).anyMatch(p -> p.contains("text/csv") && p.contains("binary"))
                .anyMatch(p -> p.contains("202") && p.contains("schema"))
                .anyMatch(p -> p.contains("422"));
        assertThat(problems("openapi: 3.0.3\ninfo: {title: t}\npaths: {}\n")).anyMatch(p -> p.contains("version"));
    }

    @Test
    void theMapParameterNamesEveryField() throws Exception {
        OpenAPI api = parse(Files.readString(DOCUMENT)).getOpenAPI();
        Parameter map = api.getPaths().get("/api/v1/deliveries").getPost().getParameters().stream()
                .filter(p -> p.getName().equals("map")).findFirst().orElseThrow();
        for (CanonicalField field : CanonicalField.values()) {
            assertThat(map.getDescription()).as("the map parameter lists %s", field).contains(field.name());
        }
        assertThat(map.getSchema().getType()).isEqualTo("array");
        assertThat(map.getExplode()).isTrue();
    }

    static SwaggerParseResult parse(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(document, null, options);
    }

    /** Everything a client generator would stumble over; empty when the document is fit. */
    public static List<String> problems(String document) {
        SwaggerParseResult result = parse(document);
        List<String> problems = new ArrayList<>(result.getMessages() == null ? List.of() : result.getMessages());
        OpenAPI api = result.getOpenAPI();
        if (api == null) {
            problems.add("not parsed");
            return problems;
        }
        ANSWERS.forEach((operation, statuses) -> {
            String[] methodAndPath = operation.split(" ");
            var item = api.getPaths() == null ? null : api.getPaths().get(methodAndPath[1]);
            Operation op = item == null ? null : switch (methodAndPath[0]) {
                case "POST" -> item.getPost();
                default -> item.getGet();
            };
            if (op == null) {
                problems.add(operation + ": not described");
                return;
            }
            if (op.getResponses() != null) {
                op.getResponses().forEach((status, response) -> {
                    ApiResponse r = resolve(api, response);
                    if (r == null || r.getContent() == null || r.getContent().isEmpty()) {
                        problems.add(operation + " " + status + ": no content schema");
                    } else {
                        r.getContent().forEach((type, media) -> {
                            if (media.getSchema() == null) {
                                problems.add(operation + " " + status + " " + type + ": no schema");
                            } else if (!"application/json".equals(type)) {
                                problems.add(operation + " " + status + ": answers " + type + ", not JSON");
                            }
                        });
                    }
                });
            }
            for (String status : statuses) {
                if (op.getResponses() == null || !op.getResponses().containsKey(status)) {
                    problems.add(operation + ": answer " + status + " not described");
                }
            }
            if (methodAndPath[0].equals("POST")) {
                Map<String, MediaType> content = op.getRequestBody() == null || op.getRequestBody().getContent() == null
                        ? Map.of() : op.getRequestBody().getContent();
                for (String type : UPLOAD_TYPES) {
                    MediaType media = content.get(type);
                    Schema<?> schema = media == null ? null : media.getSchema();
                    if (schema == null || !"string".equals(schema.getType()) || !"binary".equals(schema.getFormat())) {
                        problems.add(operation + ": body " + type + " is not described as string/binary");
                    }
                }
            }
        });
        return problems;
    }

    private static ApiResponse resolve(OpenAPI api, ApiResponse response) {
        if (response != null && response.get$ref() != null) {
            String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
            return api.getComponents() == null || api.getComponents().getResponses() == null ? null
                    : api.getComponents().getResponses().get(name);
        }
        return response;
    }
}
