package io.cairn.gateway;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.jboss.logging.Logger;

/**
 * One CapabilityStatement for everything behind {@code /fhir/r4}: every service's resource types, as each service
 * describes them at its own {@code /fhir/r4/metadata}. Public, as FHIR clients read it before they authenticate.
 */
@ApplicationScoped
public class FhirMetadata {

    private static final Logger LOG = Logger.getLogger(FhirMetadata.class);
    static final String PATH = "/fhir/r4/metadata";

    private final BackendDocuments documents;
    private final FhirContext fhir = FhirContext.forR4Cached();
    /**
     * Public and a backend call per FHIR service each: built at most once a minute, whatever address a client names
     * (keyed by the address, any client could have it rebuilt on every request), and the address written into it as
     * each request is answered.
     */
    private final Cache<String, String> cached = Caffeine.newBuilder().maximumSize(1)
            .expireAfterWrite(Duration.ofMinutes(1)).build();
    /** Stands for the address in the cached statement; nothing else in it looks like this. */
    private static final String BASE = "urn:cairn:base-of-the-request";

    /** A host name or address with an optional port: what a forwarded host may be to be written back. */
    FhirMetadata(BackendDocuments documents) {
        this.documents = documents;
    }

    void register(@Observes Router router) {
        router.get(PATH).order(-20).blockingHandler(this::serve);
    }

    /** Runs on a worker thread: it may ask every service for its own statement. */
    void serve(RoutingContext rc) {
        String statement = cached.get(PATH, key -> fhir.newJsonParser().encodeResourceToString(merge(BASE)));
        rc.response().putHeader("Content-Type", GatewayProblems.FHIR_JSON)
                .end(statement.replace(BASE, ForwardedHeaders.base(rc.request())));
    }

    CapabilityStatement merge(String base) {
        CapabilityStatement merged = new CapabilityStatement().setStatus(PublicationStatus.ACTIVE).setDate(new Date())
                .setPublisher("Cairn").setKind(CapabilityStatementKind.INSTANCE)
                .setFhirVersion(FHIRVersion._4_0_1);
        merged.addFormat(GatewayProblems.FHIR_JSON).addFormat("json");
        merged.getSoftware().setName("Cairn");
        merged.getImplementation().setDescription("Cairn intensive outpatient program: intake, treatment plans, "
                + "scheduling and aftercare").setUrl(base + "/fhir/r4");
        CapabilityStatementRestComponent rest = merged.addRest().setMode(RestfulCapabilityMode.SERVER);
        Set<String> types = new HashSet<>();
        for (Backend backend : Backend.values()) {
            fetch(backend).flatMap(statement -> statement.getRest().stream().findFirst()).ifPresent(own -> {
                if (!rest.hasSecurity()) {
                    rest.setSecurity(own.getSecurity());
                }
                for (CapabilityStatementRestResourceComponent resource : own.getResource()) {
                    if (types.add(resource.getType())) {
                        rest.addResource(resource);
                    } else {
                        servedTwice(rest, resource);
                    }
                }
            });
        }
        everything(rest);
        PatientIncludes.describe(rest);
        return merged;
    }

    /** The gateway's own operation on Patient: a patient's records across the services ({@link PatientEverything}). */
    private static void everything(CapabilityStatementRestComponent rest) {
        rest.getResource().stream().filter(r -> r.getType().equals("Patient")).findFirst()
                .ifPresent(patient -> patient.addOperation().setName("everything")
                        .setDefinition("http://hl7.org/fhir/OperationDefinition/Patient-everything")
                        .setDocumentation("The patient and their " + String.join(", ", PatientEverything.types()
                                .stream().filter(type -> !type.equals("Patient")).toList())
                                + " that the caller may see (an EHR, what its Part 2 consent names), paged by "
                                + "_count and _page; _since keeps what changed since a time, _type the types "
                                + "named"));
        rest.getResource().stream().filter(r -> r.getType().equals("Patient")).findFirst()
                .ifPresent(patient -> patient.addOperation().setName("export")
                        .setDefinition("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export")
                        .setDocumentation("Bulk Data export (Prefer: respond-async; _type, _since, _outputFormat "
                                + "application/fhir+ndjson) of the records the caller may have: an EHR, those its Part "
                                + "2 consent names, checked again at download; each record downloaded is a disclosure. "
                                + "Files expire after a day. Every type is exported but Consent and the "
                                + "worklist's Task, which go to staff alone"));
        rest.getResource().stream().filter(r -> r.getType().equals("Group")).findFirst()
                .ifPresent(group -> group.addOperation().setName("export")
                        .setDefinition("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/group-export")
                        .setDocumentation("Patient/$export of the group's members alone (a track's cohort, those "
                                + "of its members the caller may see)"));
    }

    /**
     * A type a second service serves too (Task, Observation, QuestionnaireResponse): what either can do is listed once, as the
     * gateway reads it from
     * whichever holds the id and searches both.
     */
    private static void servedTwice(CapabilityStatementRestComponent rest, CapabilityStatementRestResourceComponent resource) {
        CapabilityStatementRestResourceComponent listed = rest.getResource().stream()
                .filter(r -> r.getType().equals(resource.getType())).findFirst().orElseThrow();
        for (var interaction : resource.getInteraction()) {
            if (listed.getInteraction().stream().noneMatch(i -> i.getCode() == interaction.getCode())) {
                listed.addInteraction(interaction);
            }
        }
        for (var parameter : resource.getSearchParam()) {
            if (listed.getSearchParam().stream().noneMatch(p -> p.getName().equals(parameter.getName()))) {
                listed.addSearchParam(parameter);
            }
        }
    }

    private Optional<CapabilityStatement> fetch(Backend backend) {
        return documents.fetch(backend, PATH, GatewayProblems.FHIR_JSON).flatMap(body -> {
            try {
                return Optional.of(fhir.newJsonParser().parseResource(CapabilityStatement.class, body));
            } catch (DataFormatException e) {
                LOG.warnf("FHIR metadata of %s is not a CapabilityStatement: %s", backend, e.getMessage());
                return Optional.empty();
            }
        });
    }
}
