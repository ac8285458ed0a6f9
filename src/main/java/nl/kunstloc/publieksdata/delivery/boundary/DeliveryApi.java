package nl.kunstloc.publieksdata.delivery.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The portal's REST API under /api (public in web.xml: the token filter authenticates, by default
 * denying). Its classes are listed, not scanned: with scanning the filter was not applied (seen in
 * DeliveryBrowserIT), which would leave the API open. Payara's own /openapi lives outside /api.
 * <p>
 * The OpenAPI description is the static src/main/webapp/META-INF/openapi.yaml with scanning off
 * ({@code mp.openapi.scan.disable}): generated from the annotations it gave no response schemas and called the
 * CSV body an "object" (issue 12), and a generated client needs exact schemas, which a hand-written document
 * states more plainly than annotations on an {@code InputStream} parameter.
 */
@ApplicationPath("/api")
public class DeliveryApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ApiTokenFilter.class, DeliveriesResource.class, ApiErrors.class);
    }
}
