package io.cairn.fhir;

import io.cairn.kit.api.ApiPaths;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.Date;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;

/**
 * The service's CapabilityStatement: the resource types it serves and how. Public, as FHIR clients read it before
 * they authenticate; the gateway merges every service's into one.
 */
@Path(ApiPaths.FHIR_R4 + "/metadata")
public class MetadataResource {

    /** When this process started serving: the statement's date, as it describes this running instance. */
    private static final Date SINCE = new Date();

    private final Instance<FhirCapability> capabilities;
    private final String service;

    MetadataResource(Instance<FhirCapability> capabilities,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.capabilities = capabilities;
        this.service = service;
    }

    @GET
    @PermitAll
    @Produces({ Fhir.JSON, Fhir.PLAIN_JSON })
    @Operation(hidden = true)
    public CapabilityStatement metadata(@Context UriInfo uri) {
        CapabilityStatement statement = new CapabilityStatement()
                .setStatus(PublicationStatus.ACTIVE)
                .setDate(SINCE)
                .setPublisher("Cairn")
                .setKind(CapabilityStatementKind.INSTANCE)
                .setFhirVersion(FHIRVersion._4_0_1);
        statement.addFormat(Fhir.JSON).addFormat("json");
        statement.getSoftware().setName("Cairn " + service);
        statement.getImplementation().setDescription("Cairn intensive outpatient program, " + service)
                .setUrl(uri.getBaseUriBuilder().path(ApiPaths.FHIR_R4).build().toString());
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.addRest()
                .setMode(RestfulCapabilityMode.SERVER);
        rest.getSecurity().setCors(true).setDescription("OAuth 2.0 bearer tokens from Cairn's OIDC provider; EHR "
                + "systems use the client credentials grant and see a patient's records only while a 42 CFR Part 2 "
                + "consent names them.")
                .addService(new CodeableConcept(new Coding(
                        "http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth", "OAuth")));
        capabilities.stream().map(FhirCapability::describe).map(FhirCapability::withCommonSearch)
                .sorted(Comparator.comparing(CapabilityStatementRestResourceComponent::getType))
                .forEach(rest::addResource);
        return statement;
    }
}
