package nl.kunstloc.publieksdata.platform.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The portal's REST API under /api (public in web.xml: each resource's filter authenticates, by
 * default denying). Payara's own /openapi is served outside this path and keeps working.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Publieksdata portal API", version = "1",
        description = "Ticketing exports delivered by scripts and ticketing systems; see docs/api.md"))
@SecurityScheme(securitySchemeName = "institutionToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An institution API token, created on the API tokens page")
public class RestApplication extends Application {
}
