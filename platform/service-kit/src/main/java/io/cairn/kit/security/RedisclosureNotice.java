package io.cairn.kit.security;

import io.cairn.contracts.Roles;
import io.cairn.kit.api.ApiPaths;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every JSON API answer to an EHR client carries the notice 42 CFR § 2.32 asks to accompany each disclosure, in the
 * {@value #HEADER} header (its short form, § 2.32(a)(2)). FHIR answers carry it as the {@code NORDSCLCD} security
 * label of each resource instead.
 */
public class RedisclosureNotice {

    public static final String HEADER = "Part2-Redisclosure-Notice";
    public static final String NOTICE = "42 CFR part 2 prohibits unauthorized use or disclosure of these records.";

    private final Caller caller;

    RedisclosureNotice(Caller caller) {
        this.caller = caller;
    }

    @ServerResponseFilter
    public void addTo(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() / 100 == 2 && request.getUriInfo().getPath().startsWith(ApiPaths.V1)
                && !caller.isStaff() && caller.hasRole(Roles.EHR_INTEGRATION)) {
            response.getHeaders().putSingle(HEADER, NOTICE);
        }
    }
}
