package io.cairn.systemtests;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** The data a clinician enters on the way. */
public final class Journey {

    public static final String FULL_ASSESSMENT = """
            {"version":0,
             "medicalHistory":{"conditions":["hypertension"],"allergies":[],"primaryCareProvider":"Dr. Lee"},
             "medications":[{"name":"lisinopril","dose":"10 mg","frequency":"daily"}],
             "currentSymptoms":{"symptoms":["low mood","cravings"]},
             "substanceUse":[{"substance":"alcohol","frequency":"daily","route":"oral","lastUse":"2026-11-20"}],
             "mentalHealthHistory":{"diagnoses":["major depressive disorder"],"psychiatricHospitalizations":0,
                                    "previousTreatment":true},
             "familyAndSupport":{"livingWith":"partner","supportPeople":["partner"],"familyConflict":true},
             "livingSituation":{"housing":"stable","employment":"employed-full-time","legalInvolvement":false},
             "strengthsAndPreferences":{"strengths":["motivated"],"preferredSchedule":"evening"},
             "screenerResponses":[
               {"screener":"PHQ-9","answers":{"1":2,"2":2,"3":3,"4":2,"5":1,"6":1,"7":1,"8":0,"9":0}},
               {"screener":"GAD-7","answers":{"1":1,"2":1,"3":1,"4":1,"5":1,"6":1,"7":1}},
               {"screener":"AUDIT","answers":{"1":4,"2":2,"3":2,"4":2,"5":1,"6":1,"7":2,"8":1,"9":0,"10":4}},
               {"screener":"DAST-10","answers":{"1":0,"2":0,"3":1,"4":0,"5":0,"6":0,"7":0,"8":0,"9":0,"10":0}},
               {"screener":"C-SSRS","answers":{"1":0,"2":0,"6":0}}],
             "asamRatings":{"intoxicationWithdrawal":1,"biomedical":0,"emotionalBehavioralCognitive":2,
                            "readinessToChange":2,"relapsePotential":3,"recoveryEnvironment":1}}""";

    private Journey() {
    }

    /** The plan's problems as JSON, to send back in an edit. */
    public static String problemsOf(String planJson) {
        List<Map<String, Object>> problems = JsonPath.from(planJson).getList("problems");
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(problems);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
