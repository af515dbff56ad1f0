package io.cairn.aftercare.api;

import java.time.LocalDate;
import java.time.ZoneOffset;
import io.cairn.testkit.AuthorizationMatrix;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;

/** Every endpoint × every caller → the status ARCHITECTURE.md's roles give. */
@QuarkusTest
class AftercareAuthorizationMatrixTest extends AuthorizationMatrix<AftercareAuthorizationMatrixTest.Fixture> {

    record Fixture(UUID patient, String referral, String checkIn) {

        static Fixture create() {
            UUID patient = UUID.randomUUID();
            String referral = Aftercare.referralAfterGraduation(patient, LocalDate.now(ZoneOffset.UTC).minusDays(8))
                    .getString("id");
            return new Fixture(patient, referral, Aftercare.checkIn(referral, 7));
        }

        String fill(String template) {
            return template.replace("{P}", patient.toString()).replace("{R}", referral).replace("{C}", checkIn);
        }
    }

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                //                                                          none coord clin sched case dir own other ehr
                new Endpoint("GET", "/audit-events?patientId={P}", null, false, "401 403 403 403 403 200 403 403 403"),
                new Endpoint("GET", "/aftercare-referrals?patientId={P}", null, false,
                        "401 403 200 403 200 200 200 404 404"),
                new Endpoint("GET", "/aftercare-referrals/{R}", null, false, "401 403 200 403 200 200 200 404 404"),
                new Endpoint("GET", "/aftercare-referrals/{R}/check-ins", null, false,
                        "401 403 200 403 200 200 200 404 404"),
                new Endpoint("POST", "/aftercare-referrals/{R}/relapses", "{\"note\":\"drinking again\"}", true,
                        "401 403 403 403 201 403 403 403 403"),
                new Endpoint("GET", "/check-ins", null, false, "401 403 403 403 200 200 403 403 403"),
                new Endpoint("POST", "/check-ins/{C}/outcome", "{\"reached\":true,\"relapse\":false}", true,
                        "401 403 403 403 200 403 200 404 403"),
                new Endpoint("GET", "/outcomes?from=2026-01-01&to=2026-12-31", null, false,
                        "401 403 403 403 403 200 403 403 403"));
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
