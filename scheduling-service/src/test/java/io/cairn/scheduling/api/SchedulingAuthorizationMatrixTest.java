package io.cairn.scheduling.api;

import static io.cairn.scheduling.api.AttendanceTest.book;
import static io.cairn.scheduling.api.AttendanceTest.sessionJson;
import static io.cairn.scheduling.api.Schedule.CLINICIAN;
import static io.cairn.scheduling.api.Schedule.as;
import static io.cairn.scheduling.api.Schedule.today;

import io.cairn.testkit.AuthorizationMatrix;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;

/** Every endpoint × every caller → the status ARCHITECTURE.md's roles give. */
@QuarkusTest
class SchedulingAuthorizationMatrixTest extends AuthorizationMatrix<SchedulingAuthorizationMatrixTest.Fixture> {

    record Fixture(UUID patient, String session, String track) {

        static Fixture create() {
            UUID patient = UUID.randomUUID();
            String session = AttendanceTest.session("facilitator-" + UUID.randomUUID(), today().minusDays(1), "18:00", "21:00",
                    10);
            book(session, patient);
            as(CLINICIAN).body("""
                    {"topic":"t","content":"c","parts":[{"patientId":"%s","text":"own part"}]}""".formatted(patient))
                    .put("/sessions/" + session + "/note").then().statusCode(200);
            return new Fixture(patient, session, Schedule.track("adolescent", "evening", 5));
        }

        String fill(String template) {
            return template.replace("{P}", patient.toString()).replace("{S}", session).replace("{T}", track)
                    .replace("{NEW_SESSION}", sessionJson("facilitator-" + UUID.randomUUID(), today().plusDays(5),
                            "09:00", "10:00", 5))
                    .replace("{FROM}", today().plusDays(1).toString()).replace("{TO}", today().plusDays(7).toString())
                    .replace("{NEW_PATIENT}", UUID.randomUUID().toString());
        }
    }

    static final String TRACK = """
            {"name":"m","scheduleType":"evening","ageGroup":"adolescent","capacity":5,"facilitatorId":"f-{NEW_PATIENT}",
             "activeFrom":"2026-01-01","blocks":[{"day":"MONDAY","start":"18:00","end":"20:00",
             "groupType":"process-group","title":"t"}]}""";

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                //                                                   none coord clin sched case dir own other ehr
                new Endpoint("GET", "/audit-events?patientId={P}", null, false, "401 403 403 403 403 200 403 403 403"),
                new Endpoint("POST", "/tracks", TRACK, true, "401 403 403 201 403 403 403 403 403"),
                new Endpoint("GET", "/tracks", null, false, "401 403 200 200 403 200 403 403 403"),
                new Endpoint("GET", "/tracks/{T}", null, false, "401 403 200 200 403 200 403 403 403"),
                new Endpoint("POST", "/tracks/{T}/sessions", "{\"from\":\"{FROM}\",\"to\":\"{TO}\"}", true,
                        "401 403 403 200 403 403 403 403 403"),
                new Endpoint("POST", "/sessions", "{NEW_SESSION}", true, "401 403 403 201 403 403 403 403 403"),
                new Endpoint("GET", "/sessions?from={FROM}&to={TO}", null, false, "401 403 200 200 403 200 403 403 403"),
                new Endpoint("GET", "/sessions/{S}", null, false, "401 403 200 200 403 200 403 403 403"),
                new Endpoint("POST", "/sessions/{S}/bookings", "{\"patientId\":\"{NEW_PATIENT}\"}", true,
                        "401 403 403 201 403 403 403 403 403"),
                new Endpoint("PUT", "/sessions/{S}/note", "{\"topic\":\"t\",\"content\":\"c\"}", true,
                        "401 403 200 403 403 403 403 403 403"),
                new Endpoint("GET", "/sessions/{S}/note", null, false, "401 403 200 403 403 200 200 404 404"),
                new Endpoint("GET", "/enrollments", null, false, "401 403 200 200 200 200 403 403 403"),
                new Endpoint("POST", "/attendance", """
                        {"sessionId":"{S}","records":[{"patientId":"{P}","status":"present","minutesAttended":120}]}""",
                        true, "401 403 200 200 403 403 403 403 403"),
                new Endpoint("GET", "/patients/{P}/schedule", null, false, "401 403 200 200 200 200 200 404 404"),
                new Endpoint("GET", "/patients/{P}/schedule.ics", null, false, "401 403 200 200 200 200 200 404 404"),
                new Endpoint("GET", "/patients/{P}/hours", null, false, "401 403 200 200 200 200 200 404 404"),
                new Endpoint("GET", "/hours/under-target", null, false, "401 403 200 200 403 200 403 403 403"));
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
