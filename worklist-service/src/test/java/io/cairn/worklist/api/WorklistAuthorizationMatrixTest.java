package io.cairn.worklist.api;

import io.cairn.testkit.AuthorizationMatrix;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.SmtpResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;

/**
 * Every endpoint × every caller: staff work the tasks of their roles (a safety alert is the clinicians'; the director
 * sees all), other staff are answered as if it did not exist; a patient and an EHR client are refused all of it.
 */
@QuarkusTest
@QuarkusTestResource(SmtpResource.class)
class WorklistAuthorizationMatrixTest extends AuthorizationMatrix<WorklistAuthorizationMatrixTest.Fixture> {

    record Fixture(UUID patient, String task) {

        static Fixture create() {
            UUID patient = UUID.randomUUID();
            EventRecords.send(Worklists.checkInAlert(patient));
            return new Fixture(patient, (String) Worklists.awaitTasks(patient, "kind=safety-alert", 1).get(0)
                    .get("id"));
        }
    }

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                //                                                   none coord clin sched case dir own other ehr
                new Endpoint("GET", "/audit-events?patientId={P}", null, false, "401 403 403 403 403 200 403 403 403"),
                new Endpoint("GET", "/tasks?patientId={P}", null, false, "401 200 200 200 200 200 403 403 403"),
                new Endpoint("GET", "/tasks/{T}", null, false, "401 404 200 404 404 200 403 403 403"),
                new Endpoint("POST", "/tasks/{T}/claim", "{}", true, "401 404 200 404 404 200 403 403 403"),
                new Endpoint("POST", "/tasks/{T}/assign", "{\"assignee\":\"case-manager-user\"}", true,
                        "401 404 200 404 404 200 403 403 403"),
                new Endpoint("POST", "/tasks/{T}/complete", "{\"outcome\":\"crisis-referral\"}", true,
                        "401 404 200 404 404 200 403 403 403"));
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
        return template.replace("{P}", fixture.patient().toString()).replace("{T}", fixture.task());
    }
}
