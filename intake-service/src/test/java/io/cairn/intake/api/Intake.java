package io.cairn.intake.api;

import static io.restassured.RestAssured.given;

import io.cairn.contracts.Roles;
import io.cairn.testkit.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Builds intake records through the API, as the clinic's staff would, for tests to act on. */
public final class Intake {

    public static final String COORDINATOR = Tokens.forRole(Roles.INTAKE_COORDINATOR);
    public static final String CLINICIAN = Tokens.forRole(Roles.CLINICIAN);

    private Intake() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).basePath("/api/v1");
    }

    static String patientJson(String familyName, String mrn) {
        return """
                {"givenName":"Dana","familyName":"%s","birthDate":"1988-04-12","sex":"female","ageGroup":"adult",
                 "preferredSchedule":"evening","phone":"+1 555 0100","email":"dana@example.org",
                 "address":{"line":"12 Elm St","city":"Springfield","state":"IL","postalCode":"62701"},
                 "emergencyContact":{"name":"Luis","relationship":"brother","phone":"+1 555 0101"},
                 "identifiers":[{"system":"urn:ehr:northside:mrn","value":"%s"}]}""".formatted(familyName, mrn);
    }

    public static UUID registerPatient() {
        return registerPatient("Reyes-" + UUID.randomUUID().toString().substring(0, 8), "MRN-" + UUID.randomUUID());
    }

    static UUID registerPatient(String familyName, String mrn) {
        return UUID.fromString(as(COORDINATOR).body(patientJson(familyName, mrn)).post("/patients").then()
                .statusCode(201).extract().path("id"));
    }

    public static UUID receiveReferral(UUID patientId) {
        return UUID.fromString(as(COORDINATOR).body("""
                {"patientId":"%s","source":"physician","referringOrganization":"Northside Family Practice",
                 "referringContact":{"name":"Dr. Kim","phone":"+1 555 0142"},
                 "reason":"Daily drinking, two failed attempts to cut down","urgency":"routine"}"""
                .formatted(patientId)).post("/referrals").then().statusCode(201).extract().path("id"));
    }

    public static UUID giveConsent(UUID patientId, String recipient, String categories) {
        return UUID.fromString(as(COORDINATOR).body("""
                {"patientId":"%s","recipient":"%s","purpose":"care-coordination","recordCategories":[%s]}"""
                .formatted(patientId, recipient, categories)).post("/consents").then().statusCode(201).extract()
                .path("id"));
    }

    public static UUID startAssessment(UUID patientId) {
        return UUID.fromString(as(CLINICIAN).body("{\"patientId\":\"" + patientId + "\"}").post("/assessments")
                .then().statusCode(201).extract().path("id"));
    }

    /** Every section, all five screeners (PHQ-9 total {@code phq9Total}), and the given ASAM ratings. */
    static String fullAssessment(int version, String asamRatings, int phq9Item9, String cssrsAnswers) {
        return """
                {"version":%d,
                 "medicalHistory":{"conditions":["hypertension"],"allergies":[],"primaryCareProvider":"Dr. Lee"},
                 "medications":[{"name":"lisinopril","dose":"10 mg","frequency":"daily"}],
                 "currentSymptoms":{"symptoms":["low mood","cravings"]},
                 "substanceUse":[{"substance":"alcohol","frequency":"daily","route":"oral","lastUse":"2026-11-20"}],
                 "mentalHealthHistory":{"diagnoses":["major depressive disorder"],"psychiatricHospitalizations":0,
                                        "previousTreatment":true},
                 "familyAndSupport":{"livingWith":"partner","supportPeople":["partner"],"familyConflict":false},
                 "livingSituation":{"housing":"stable","employment":"employed-full-time","legalInvolvement":false},
                 "strengthsAndPreferences":{"strengths":["motivated"],"preferredSchedule":"morning"},
                 "screenerResponses":[
                   {"screener":"PHQ-9","answers":{"1":2,"2":2,"3":3,"4":2,"5":1,"6":1,"7":1,"8":0,"9":%d}},
                   {"screener":"GAD-7","answers":{"1":1,"2":1,"3":1,"4":1,"5":1,"6":1,"7":1}},
                   {"screener":"AUDIT","answers":{"1":4,"2":2,"3":2,"4":2,"5":1,"6":1,"7":2,"8":1,"9":0,"10":4}},
                   {"screener":"DAST-10","answers":{"1":0,"2":0,"3":1,"4":0,"5":0,"6":0,"7":0,"8":0,"9":0,"10":0}},
                   {"screener":"C-SSRS","answers":%s}],
                 "asamRatings":%s}""".formatted(version, phq9Item9, cssrsAnswers, asamRatings);
    }

    static final String IOP_RATINGS = """
            {"intoxicationWithdrawal":1,"biomedical":0,"emotionalBehavioralCognitive":2,"readinessToChange":2,
             "relapsePotential":3,"recoveryEnvironment":1}""";
    static final String NO_SUICIDE_RISK = "{\"1\":0,\"2\":0,\"6\":0}";

    public static ValidatableResponse saveFullAssessment(UUID assessmentId) {
        return as(CLINICIAN).body(fullAssessment(0, IOP_RATINGS, 0, NO_SUICIDE_RISK))
                .put("/assessments/" + assessmentId).then();
    }
}
