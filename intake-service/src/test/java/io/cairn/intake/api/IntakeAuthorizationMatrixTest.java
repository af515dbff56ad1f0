package io.cairn.intake.api;

import static io.cairn.intake.api.Intake.IOP_RATINGS;
import static io.cairn.intake.api.Intake.NO_SUICIDE_RISK;
import static io.cairn.intake.api.Intake.fullAssessment;
import static io.cairn.intake.api.Intake.giveConsent;
import static io.cairn.intake.api.Intake.patientJson;
import static io.cairn.intake.api.Intake.receiveReferral;
import static io.cairn.intake.api.Intake.registerPatient;
import static io.cairn.intake.api.Intake.saveFullAssessment;
import static io.cairn.intake.api.Intake.startAssessment;

import io.cairn.testkit.AuthorizationMatrix;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;

/** Every endpoint × every caller → the status ARCHITECTURE.md's roles give. */
@QuarkusTest
class IntakeAuthorizationMatrixTest extends AuthorizationMatrix<IntakeAuthorizationMatrixTest.Fixture> {

    record Fixture(UUID patient, UUID referral, UUID consent, UUID assessment) {

        static Fixture create() {
            UUID patient = registerPatient();
            UUID referral = receiveReferral(patient);
            UUID consent = giveConsent(patient, "ehr-someone-else", "\"demographics\",\"assessments\"");
            UUID assessment = startAssessment(patient);
            saveFullAssessment(assessment).statusCode(200);
            return new Fixture(patient, referral, consent, assessment);
        }

        String fill(String template) {
            return template.replace("{P}", patient.toString()).replace("{R}", referral.toString())
                    .replace("{C}", consent.toString()).replace("{A}", assessment.toString())
                    .replace("{new}", UUID.randomUUID().toString());
        }
    }

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                //                                                     none coord clin sched case dir own other ehr
                new Endpoint("GET", "/audit-events?patientId={P}", null, false, "401 403 403 403 403 200 403 403 403"),
                new Endpoint("POST", "/patients", patientJson("Matrix", "MRN-{new}"), true,
                        "401 201 403 403 403 403 403 403 201"),
                new Endpoint("GET", "/patients?name=Matrix", null, false, "401 200 200 403 403 200 403 403 400"),
                new Endpoint("GET", "/patients/{P}", null, false, "401 200 200 403 403 200 200 404 404"),
                new Endpoint("PUT", "/patients/{P}", patientJson("Matrix", "MRN-{new}").replace("}]}", "}],\"version\":0}"),
                        true, "401 200 403 403 403 403 403 403 403"),
                new Endpoint("GET", "/patients/{P}/reminder-preferences", null, false,
                        "401 200 200 403 200 200 200 404 403"),
                new Endpoint("PUT", "/patients/{P}/reminder-preferences", "{\"channel\":\"none\"}", true,
                        "401 200 403 403 200 403 200 404 403"),
                new Endpoint("GET", "/patients/{P}/disclosures", null, false, "401 200 403 403 403 200 200 404 403"),
                new Endpoint("POST", "/referrals", """
                        {"patientId":"{P}","source":"ehr","reason":"step-down","urgency":"routine"}""", true,
                        "401 201 403 403 403 403 403 403 201"),
                new Endpoint("GET", "/referrals?patientId={P}", null, false, "401 200 200 403 403 200 200 404 404"),
                new Endpoint("GET", "/referrals/{R}", null, false, "401 200 200 403 403 200 200 404 404"),
                new Endpoint("POST", "/referrals/{R}/transitions", "{\"to\":\"screening\"}", true,
                        "401 200 403 403 403 403 403 403 403"),
                new Endpoint("POST", "/consents", """
                        {"patientId":"{P}","recipient":"ehr-x","purpose":"treatment","recordCategories":["demographics"]}""",
                        true, "401 201 403 403 403 403 403 403 403"),
                new Endpoint("GET", "/consents?patientId={P}", null, false, "401 200 403 403 403 200 200 404 403"),
                new Endpoint("GET", "/consents/{C}", null, false, "401 200 403 403 403 200 200 404 403"),
                new Endpoint("POST", "/consents/{C}/revoke", "{}", true, "401 200 403 403 403 403 403 403 403"),
                new Endpoint("GET", "/screeners", null, false, "401 200 200 200 200 200 200 200 200"),
                new Endpoint("GET", "/screeners/PHQ-9", null, false, "401 200 200 200 200 200 200 200 200"),
                new Endpoint("POST", "/assessments", "{\"patientId\":\"{P}\"}", true,
                        "401 201 201 403 403 403 403 403 403"),
                new Endpoint("GET", "/assessments?patientId={P}", null, false, "401 200 200 403 403 200 403 403 404"),
                new Endpoint("GET", "/assessments/{A}", null, false, "401 200 200 403 403 200 403 403 404"),
                new Endpoint("PUT", "/assessments/{A}", fullAssessment(1, IOP_RATINGS, 0, NO_SUICIDE_RISK), true,
                        "401 403 200 403 403 403 403 403 403"),
                new Endpoint("POST", "/assessments/{A}/level-of-care", "{\"levelOfCare\":\"2.1\"}", true,
                        "401 403 200 403 403 403 403 403 403"),
                new Endpoint("GET", "/assessments/{A}/level-of-care", null, false, "401 200 200 403 403 200 403 403 403"),
                new Endpoint("POST", "/assessments/{A}/complete", null, true, "401 403 200 403 403 403 403 403 403"));
    }

    @Override
    protected Fixture fixture() {
        return Fixture.create();
    }

    @Override
    protected UUID patientOf(Fixture fixture) {
        return fixture.patient();
    }

    @Override
    protected String fill(Fixture fixture, String template) {
        return fixture.fill(template);
    }
}
