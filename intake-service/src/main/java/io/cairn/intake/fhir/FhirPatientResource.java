package io.cairn.intake.fhir;

import io.cairn.kit.api.Changes;
import io.cairn.kit.api.ClinicCalendar;
import io.cairn.contracts.Roles;
import io.cairn.fhir.Fhir;
import io.cairn.fhir.FhirCapability;
import io.cairn.fhir.FhirResponses;
import io.cairn.fhir.SearchBundles;
import io.cairn.fhir.SearchParameters;
import io.cairn.fhir.ValidRequests;
import io.cairn.intake.api.PatientRequest;
import io.cairn.intake.domain.Patients;
import io.cairn.kit.api.ApiPaths;
import io.cairn.kit.security.Caller;
import io.cairn.kit.problem.ConflictException;
import io.cairn.kit.problem.InvalidParameterException;
import io.cairn.kit.problem.UniqueViolations;
import io.cairn.kit.problem.InvalidRequestException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.Patient;

/**
 * {@code Patient} for EHR systems: register a patient, read one, and find them by identifier, name or birth date. The
 * same rules as {@code /api/v1/patients}: an EHR client reads a patient only while a Part 2 consent names it, and
 * searches by identifier; every read is audited as a disclosure. A registration with {@code If-None-Exist:
 * identifier=system|value} answers the patient that identifier names, if any, instead of registering another.
 */
@Path(ApiPaths.FHIR_R4 + "/Patient")
@Produces({ Fhir.JSON, Fhir.PLAIN_JSON })
@Consumes({ Fhir.JSON, Fhir.PLAIN_JSON })
public class FhirPatientResource implements FhirCapability {

    private static final String TYPE = "Patient";
    private static final Set<String> SEARCH_PARAMETERS = Set.of("identifier", "name", "birthdate");
    /** What a conditional create may search by: an EHR identifies its patients by their record number. */
    private static final Set<String> CONDITIONS = Set.of("identifier");

    private final Patients patients;
    private final Validator validator;
    private final Caller caller;

    private final ClinicCalendar calendar;

    FhirPatientResource(Patients patients, Validator validator, Caller caller, ClinicCalendar calendar) {
        this.calendar = calendar;
        this.patients = patients;
        this.validator = validator;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.EHR_INTEGRATION })
    @Operation(hidden = true)
    public Response create(Patient fhir, @HeaderParam(SearchParameters.IF_NONE_EXIST) String ifNoneExist,
            @Context UriInfo uri) {
        if (fhir == null) {
            throw new InvalidRequestException(TYPE, "send a Patient resource");
        }
        PatientRequest registration = ValidRequests.require(validator, FhirPatients.toRegistration(fhir, calendar.today()),
                FhirPatients::expressionOf);
        SearchParameters.Token identifier = null;
        if (ifNoneExist != null) {
            // An EHR's retry of a registration whose answer it lost finds the patient it registered: 200, not a
            // second patient. One the client may not read is registered as usual, which refuses the identifier.
            identifier = SearchParameters.ofCondition(ifNoneExist, CONDITIONS)
                    .token("identifier").orElseThrow(() -> new InvalidParameterException(
                            SearchParameters.IF_NONE_EXIST, "must name an identifier: identifier=system|value"));
            var found = patients.readableWithIdentifier(identifier.system(), identifier.code());
            if (found.isPresent()) {
                return FhirResponses.found(uri, FhirPatients.toFhir(found.get()), found.get().version);
            }
        }
        io.cairn.intake.domain.Patient patient;
        try {
            patient = patients.register(registration);
        } catch (RuntimeException e) {
            // The retry raced the request it repeats and lost the identifier to it (the other committed first, or
            // both inserted at once): the patient that one made is the answer, as if the retry had come later.
            if (identifier != null && (e instanceof ConflictException || UniqueViolations.in(e))) {
                var found = patients.readableWithIdentifier(identifier.system(), identifier.code());
                if (found.isPresent()) {
                    return FhirResponses.found(uri, FhirPatients.toFhir(found.get()), found.get().version);
                }
            }
            throw e;
        }
        return FhirResponses.created(uri, FhirPatients.toFhir(patient), patient.version);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.PROGRAM_DIRECTOR, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(hidden = true)
    public Response read(@PathParam("id") String id) {
        io.cairn.intake.domain.Patient patient = patients.get(SearchParameters.id(TYPE, id));
        return FhirResponses.read(FhirPatients.toFhir(patient), patient.version);
    }

    @GET
    @RolesAllowed({ Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.PROGRAM_DIRECTOR, Roles.EHR_INTEGRATION })
    @Operation(hidden = true)
    public Bundle search(@Context UriInfo uri) {
        SearchParameters search = SearchParameters.of(uri, SEARCH_PARAMETERS);
        SearchParameters.Token identifier = search.token("identifier").orElse(null);
        Changes changes = search.changes();
        if (identifier == null && changes.ids() == null && !caller.isStaff()) {
            throw new InvalidParameterException("identifier", "is required of EHR clients (system|value), unless "
                    + "_id names the patients");
        }
        return SearchBundles.of(patients.search(search.string("name").orElse(null),
                search.date("birthdate").orElse(null), identifier == null ? null : identifier.system(),
                identifier == null ? null : identifier.code(), changes,
                search.window()), FhirPatients::toFhir, uri);
    }

    @Override
    public CapabilityStatementRestResourceComponent describe() {
        CapabilityStatementRestResourceComponent resource = FhirCapability.resource(TYPE,
                TypeRestfulInteraction.CREATE, TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE);
        resource.setConditionalCreate(true);
        resource.addSearchParam().setName("identifier").setType(SearchParamType.TOKEN)
                .setDocumentation("system|value; an EHR client searches by identifier or by _id");
        resource.addSearchParam().setName("name").setType(SearchParamType.STRING)
                .setDocumentation("the start of the given or family name");
        resource.addSearchParam().setName("birthdate").setType(SearchParamType.DATE)
                .setDocumentation("a day, YYYY-MM-DD");
        return resource;
    }
}
