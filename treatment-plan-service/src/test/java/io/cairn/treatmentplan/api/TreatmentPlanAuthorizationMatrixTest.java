package io.cairn.treatmentplan.api;

import static io.cairn.treatmentplan.api.Plans.CLINICIAN;
import static io.cairn.treatmentplan.api.Plans.activePlan;
import static io.cairn.treatmentplan.api.Plans.as;
import static org.awaitility.Awaitility.await;

import io.cairn.contracts.events.LevelOfCare;
import io.cairn.testkit.EventRecords;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import io.cairn.testkit.AuthorizationMatrix;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;

/** Every endpoint × every caller → the status ARCHITECTURE.md's roles give. */
@QuarkusTest
class TreatmentPlanAuthorizationMatrixTest extends AuthorizationMatrix<TreatmentPlanAuthorizationMatrixTest.Fixture> {

    /** An active plan whose re-assessment drafted a revision that awaits the patient's acknowledgment. */
    record Fixture(UUID patient, String active, String objective, JsonPath plan) {

        static Fixture create() {
            UUID patient = UUID.randomUUID();
            String active = activePlan(patient);
            String objective = as(CLINICIAN).get("/treatment-plans/" + active).jsonPath()
                    .getString("problems[0].objectives[0].id");
            EventRecords.send(EventRecords.of(Plans.assessment(patient, LevelOfCare.INTENSIVE_OUTPATIENT)));
            await().atMost(Duration.ofSeconds(20)).until(() -> as(CLINICIAN).get("/treatment-plans/" + active)
                    .jsonPath().getInt("planVersion") == 2);
            return new Fixture(patient, active, objective,
                    JsonPath.from(as(CLINICIAN).get("/treatment-plans/" + active).asString()));
        }

        String fill(String template) {
            return template.replace("{P}", patient.toString()).replace("{A}", active)
                    .replace("{O}", objective).replace("{TODAY}", LocalDate.now(ZoneOffset.UTC).toString())
                    .replace("{EDIT}", PlanLifecycleTest.editBody(plan, 2, "9"));
        }
    }

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                //                                                          none coord clin sched case dir own other ehr
                new Endpoint("GET", "/audit-events?patientId={P}", null, false, "401 403 403 403 403 200 403 403 403"),
                new Endpoint("GET", "/treatment-plans?patientId={P}", null, false, "401 403 200 403 200 200 200 404 404"),
                new Endpoint("GET", "/treatment-plans/{A}", null, false, "401 403 200 403 200 200 200 404 404"),
                new Endpoint("GET", "/treatment-plans/{A}/versions", null, false, "401 403 200 403 200 200 200 404 404"),
                new Endpoint("GET", "/treatment-plans/{A}/progress-notes", null, false,
                        "401 403 200 403 200 200 200 404 404"),
                new Endpoint("GET", "/treatment-plans/{A}/weekly-hours", null, false,
                        "401 403 200 403 200 200 200 404 404"),
                new Endpoint("GET", "/treatment-plans/{A}/reviews", null, false, "401 403 200 403 200 200 200 404 404"),
                new Endpoint("GET", "/treatment-plans/reviews-due", null, false, "401 403 200 403 403 200 403 403 403"),
                new Endpoint("GET", "/treatment-plans/not-admitted?patientId={P}", null, false,
                        "401 403 200 403 200 200 403 403 403"),
                new Endpoint("GET", "/patients/{P}/measures", null, false, "401 403 200 403 200 200 200 404 404"),
                new Endpoint("GET", "/patients/{P}/measures/schedule", null, false,
                        "401 403 200 403 200 200 200 404 404"),
                new Endpoint("PUT", "/patients/{P}/measures/schedule", """
                        {"entries":[{"instrument":"PHQ-9","everyDays":14}]}""", true,
                        "401 403 200 403 403 403 403 403 403"),
                new Endpoint("DELETE", "/patients/{P}/measures/schedule", null, true,
                        "401 403 200 403 403 403 403 403 403"),
                new Endpoint("GET", "/measure-outcomes?from={TODAY}&to={TODAY}", null, false,
                        "401 403 403 403 403 200 403 403 403"),
                new Endpoint("GET", "/patients/{P}/measures/due", null, false, "401 403 200 403 200 200 200 404 404"),
                new Endpoint("POST", "/patients/{P}/measures", """
                        {"instrument":"GAD-7","answers":{"1":0,"2":0,"3":0,"4":0,"5":0,"6":0,"7":0}}""", true,
                        "401 403 201 403 403 403 201 404 403"),
                new Endpoint("PUT", "/treatment-plans/{A}", "{EDIT}", true, "401 403 200 403 403 403 403 403 403"),
                // A clinician records the patient's acknowledgment with an attestation; the patient gives their own.
                new Endpoint("POST", "/treatment-plans/{A}/acknowledge", null, true, "401 403 400 403 403 403 200 404 403"),
                new Endpoint("POST", "/treatment-plans/{A}/acknowledge", """
                        {"attestation":{"witnessedBy":"Dr. Ana Okafor","method":"in-person"}}""", true,
                        "401 403 200 403 403 403 400 404 403"),
                new Endpoint("POST", "/treatment-plans/{A}/approve", null, true, "401 403 409 403 403 403 403 403 403"),
                new Endpoint("POST", "/treatment-plans/{A}/progress-notes", """
                        {"objectiveId":"{O}","status":"progressing","note":"steady"}""", true,
                        "401 403 201 403 403 403 403 403 403"),
                new Endpoint("POST", "/treatment-plans/{A}/reviews", """
                        {"heldOn":"{TODAY}","summary":"on track","objectiveProgress":[]}""", true,
                        "401 403 201 403 403 403 403 403 403"),
                new Endpoint("POST", "/treatment-plans/{A}/graduate", "{\"overrideReason\":\"test\"}", true,
                        "401 403 200 403 403 403 403 403 403"),
                new Endpoint("POST", "/treatment-plans/{A}/discharge", "{\"reason\":\"moved\"}", true,
                        "401 403 200 403 403 403 403 403 403"));
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
