package io.cairn.testkit;

import static io.restassured.RestAssured.given;

import io.cairn.contracts.events.ConsentChanged;
import io.cairn.contracts.events.ConsentPurpose;
import io.cairn.contracts.events.ConsentStatus;
import io.cairn.contracts.events.RecordCategory;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A service's FHIR views as an EHR or a member of staff calls them, and the consents that open them to an EHR. */
public final class FhirRequests {

    public static final String FHIR_JSON = "application/fhir+json";
    /** The EHR client the tests' consents name. */
    public static final String EHR = "ehr-northside";
    public static final String EHR_TOKEN = Tokens.forEhrClient(EHR);

    private FhirRequests() {
    }

    /** FHIR JSON in and out, under {@code /fhir/r4}. */
    public static RequestSpecification fhir(String token) {
        return given().auth().oauth2(token).contentType(FHIR_JSON).accept(FHIR_JSON).basePath("/fhir/r4");
    }

    /**
     * Tells the service, as intake does, that the patient consents to disclose one category of records to
     * {@link #EHR} from yesterday on (the service's Part 2 projection applies it from the intake topic).
     */
    public static void consentToEhr(UUID patient, RecordCategory category) {
        EventRecords.send(EventRecords.of(new ConsentChanged(UUID.randomUUID(), patient, EHR,
                ConsentPurpose.CARE_COORDINATION, List.of(category), ConsentStatus.ACTIVE,
                LocalDate.now().minusDays(1), null, Instant.now(), 1L)));
    }
}
