package nl.kunstloc.publieksdata.delivery.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The portal's REST API under /api (public in web.xml: the token filter authenticates, by default
 * denying). Its classes are listed, not scanned: with scanning the filter was not applied (seen in
 * DeliveryBrowserIT), which would leave the API open. Payara's own /openapi lives outside /api.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Publieksdata portal API", version = "1",
        description = "Ticketing exports delivered by scripts and ticketing systems; see docs/api.md"))
@SecurityScheme(securitySchemeName = "institutionToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An institution API token, created on the API tokens page")
public class DeliveryApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ApiTokenFilter.class, DeliveriesResource.class, ApiErrors.class);
    }
}
