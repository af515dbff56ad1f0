package io.cairn.systemtests;

import static io.cairn.systemtests.Platform.tokenOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.client.ApiClient;
import io.cairn.client.ApiException;
import io.cairn.client.ApiResponse;
import io.cairn.client.api.PatientsApi;
import io.cairn.client.api.ReferralsApi;
import io.cairn.client.api.ScreenersApi;
import io.cairn.client.model.ExternalIdentifier;
import io.cairn.client.model.PatientRequest;
import io.cairn.client.model.PatientView;
import io.cairn.client.model.Population;
import io.cairn.client.model.PreferredSchedule;
import io.cairn.client.model.ReferralRequest;
import io.cairn.client.model.ReferralView;
import io.cairn.client.model.ReferralSource;
import io.cairn.client.model.Sex;
import io.cairn.client.model.Urgency;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The start of the journey through the Java client generated from the gateway's merged OpenAPI document, unchanged:
 * the way a mobile or EHR team builds on Cairn.
 */
class GeneratedClientIT {

    @Test
    void anIntakeCoordinatorRegistersAndRefersAPatientThroughTheGeneratedClient() throws ApiException {
        ApiClient client = new ApiClient();
        client.updateBaseUri(Platform.GATEWAY);
        String token = tokenOf("coordinator", "coordinator");
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        String mrn = "GEN-" + UUID.randomUUID();

        assertEquals(5, new ScreenersApi(client).listScreeners().size());
        PatientsApi patients = new PatientsApi(client);
        patients.registerPatient(new PatientRequest().givenName("Riley").familyName("Generated")
                .birthDate(LocalDate.parse("1990-02-14")).sex(Sex.FEMALE).ageGroup(Population.ADULT)
                .preferredSchedule(PreferredSchedule.EVENING)
                .identifiers(List.of(new ExternalIdentifier().system("urn:ehr:demo:mrn").value(mrn))));
        ApiResponse<List<PatientView>> found = patients.searchPatientsWithHttpInfo(null, "urn:ehr:demo:mrn", mrn, null,
                null, null);
        assertEquals(List.of("1"), found.getHeaders().get("x-total-count"));
        PatientView patient = patients.getPatient(found.getData().get(0).getId());
        assertEquals("Generated", patient.getFamilyName());

        ReferralsApi referrals = new ReferralsApi(client);
        referrals.receiveReferral(new ReferralRequest().patientId(patient.getId()).source(ReferralSource.PHYSICIAN)
                .reason("Referred by the family physician").urgency(Urgency.ROUTINE));
        List<ReferralView> listed = referrals.listReferrals(null, patient.getId(), null, null);
        assertEquals(1, listed.size());
        assertTrue(listed.get(0).getHistory().size() >= 1);
    }
}
