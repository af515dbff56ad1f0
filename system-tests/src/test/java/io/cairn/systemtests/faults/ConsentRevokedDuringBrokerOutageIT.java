package io.cairn.systemtests.faults;

import static io.cairn.systemtests.Platform.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.systemtests.Journey;
import io.cairn.systemtests.Platform;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker is stopped, and while it is down a patient revokes the Part 2 consent that lets the demo EHR read
 * their records. Intake holds the consents and refuses the EHR at once. Treatment-plan, scheduling and aftercare only
 * keep a copy of the consents from intake's topic, so the revocation cannot reach them; disclosing from a copy that
 * may be out of date would disclose against a revoked consent. So they fail closed: once intake's relay has not
 * confirmed their copy within {@code cairn.consent.max-staleness} (30 s in the local stack), each answers every EHR
 * request 503 {@code consent-unverifiable}. The answer is the same for a record nobody has, so the refusal gives away
 * nothing about who is in the program. Staff go on reading meanwhile. Once the broker is back, the revocation arrives
 * before the copy counts as current again, and each service answers the EHR 404, as for a record that does not exist.
 */
class ConsentRevokedDuringBrokerOutageIT {

    /** Long enough for every copy to go stale and to be watched refusing; the broker is brought back after it. */
    static final Duration OUTAGE = Duration.ofSeconds(100);
    /** The local stack's max-staleness (30 s), with a margin for the last checkpoint before the stop and polling. */
    static final Duration REFUSED_WITHIN = Duration.ofSeconds(60);
    static final Duration POLL = Duration.ofSeconds(2);

    final Api gateway = new Api(Platform.GATEWAY);
    final String ehr = Platform.ehrToken();
    final String coordinator = Platform.tokenOf("coordinator", "coordinator");
    final String clinician = Platform.tokenOf("clinician", "clinician");
    final String scheduler = Platform.tokenOf("scheduler", "scheduler");

    /** A record of the patient's in a service that keeps a copy of the consents, and the same read of no one's. */
    record Read(String service, String path, String nobodysPath) {

        @Override
        public String toString() {
            return service + " " + path;
        }
    }

    @Test
    void aConsentRevokedWhileTheBrokerIsDownIsRefusedByEveryService() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        UUID patient = Journey.register(coordinator, "Revoked-" + unique);
        Journey.consentToTheDemoEhr(coordinator, patient);
        String consent = as(coordinator).queryParam("patientId", patient).get("/consents").jsonPath()
                .getString("[0].id");
        List<Read> reads = recordsInEveryService(patient, unique);
        // The consent reaches the services by Kafka.
        await().atMost(Duration.ofSeconds(60)).pollInterval(POLL).until(() -> gateway.get("/patients/" + patient,
                ehr).status() == 200 && reads.stream().allMatch(read -> gateway.get(read.path(), ehr).status() == 200));

        Duration refusedAfter;
        Duration down;
        try (Outage outage = Outage.of(OUTAGE, FaultControl::stopKafka, FaultControl::startKafka)) {
            Instant revoked = Instant.now();
            Api.Answer revocation = gateway.post("/consents/" + consent + "/revoke", coordinator,
                    "{\"reason\":\"patient withdrew consent in writing\"}");
            assertEquals(200, revocation.status(), revocation.toString());
            assertEquals(404, gateway.get("/patients/" + patient, ehr).status(), "intake refuses the EHR at once");

            // No word from intake's relay: each copy goes stale. Until then a service may still disclose (200).
            await().atMost(Duration.ofSeconds(90)).pollInterval(POLL).until(() -> {
                List<Integer> statuses = reads.stream().map(this::ehrRead).toList();
                assertTrue(List.of(200, 503).containsAll(statuses), () -> "disclosed or refused, nothing else: "
                        + reads + " answered " + statuses);
                return statuses.stream().allMatch(status -> status == 503);
            });
            refusedAfter = Duration.between(revoked, Instant.now());
            assertTrue(refusedAfter.compareTo(REFUSED_WITHIN) < 0, "every service refused the EHR within "
                    + REFUSED_WITHIN.toSeconds() + " s of the revocation, not " + refusedAfter.toSeconds() + " s");
            for (Read read : reads) {
                Api.Answer refused = gateway.get(read.path(), ehr);
                assertConsentUnverifiable(refused, read);
                assertEquals(refusal(refused), refusal(gateway.get(read.nobodysPath(), ehr)),
                        read.service() + " refuses a record nobody has in the same words");
                assertEquals(200, gateway.get(read.path(), clinician).status(), "staff still read " + read);
            }
            // Refused for as long as the broker is away.
            await().atMost(OUTAGE.plusMinutes(1)).pollInterval(POLL).until(() -> {
                List<Integer> statuses = reads.stream().map(this::ehrRead).toList();
                if (outage.over()) {
                    return true; // these answers may come from after the broker's return
                }
                assertEquals(List.of(503, 503, 503), statuses, "refused while the broker is away: " + reads);
                return false;
            });
            down = outage.lasted();
        }

        // The broker is back: the revocation arrives before the copy counts as current, so nothing is disclosed again.
        Instant back = Instant.now();
        await().atMost(Duration.ofMinutes(2)).pollInterval(POLL).until(() -> {
            List<Integer> statuses = reads.stream().map(this::ehrRead).toList();
            assertTrue(List.of(503, 404).containsAll(statuses), () -> "never disclosed again: " + reads
                    + " answered " + statuses);
            return statuses.stream().allMatch(status -> status == 404);
        });
        Duration withheldAfter = Duration.between(back, Instant.now());
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofSeconds(1))
                .until(() -> reads.stream().allMatch(read -> gateway.get(read.path(), ehr).status() == 404));
        Report.figures("consent revoked during a broker outage", ("broker down %d s; intake refused the EHR at once; "
                + "treatment-plan, scheduling and aftercare answered it 503 consent-unverifiable %d s after the "
                + "revocation (max-staleness 30 s), the same for a record nobody has, staff served; 404 everywhere %d s "
                + "after the broker was back").formatted(down.toSeconds(), refusedAfter.toSeconds(),
                        withheldAfter.toSeconds()));
    }

    /**
     * The patient taken to aftercare as a clinic takes them: a plan, a track with a session attended, graduation.
     * Returns the EHR's read of one of their records in each service that keeps a copy of the consents.
     */
    private List<Read> recordsInEveryService(UUID patient, String unique) {
        Journey.eveningTrackWithSessions(scheduler, unique, LocalDate.now(ZoneOffset.UTC));
        String plan = Journey.assessAndAwaitDraftedPlan(clinician, patient);
        String patientToken = Platform.patientToken(patient);
        Journey.agreeAndApprove(clinician, patientToken, plan);
        List<String> sessions = Journey.awaitEnrollment(scheduler, patientToken, patient);
        Journey.attend(clinician, sessions.get(0), patient, "present");
        as(clinician).body("{\"overrideReason\":\"Consent fault: goals met early\"}")
                .post("/treatment-plans/" + plan + "/graduate").then().statusCode(200);
        await().atMost(Journey.EVENTUAL).until(() -> as(clinician).queryParam("patientId", patient)
                .get("/aftercare-referrals").jsonPath().getList("").size() == 1);
        String referral = as(clinician).queryParam("patientId", patient).get("/aftercare-referrals").jsonPath()
                .getString("[0].id");
        return List.of(
                new Read("treatment-plan", "/treatment-plans/" + plan, "/treatment-plans/" + UUID.randomUUID()),
                new Read("scheduling", "/patients/" + patient + "/hours", "/patients/" + UUID.randomUUID() + "/hours"),
                new Read("aftercare", "/aftercare-referrals/" + referral, "/aftercare-referrals/" + UUID.randomUUID()));
    }

    /** The EHR's read of the record: its status, a 503 checked to be the consent refusal. */
    private int ehrRead(Read read) {
        Api.Answer answer = gateway.get(read.path(), ehr);
        if (answer.status() == 503) {
            assertConsentUnverifiable(answer, read);
        }
        return answer.status();
    }

    private static void assertConsentUnverifiable(Api.Answer answer, Read read) {
        assertEquals(503, answer.status(), () -> read + ": " + answer);
        assertTrue(answer.isProblem(), () -> read + ": " + answer);
        assertTrue(answer.json().path("type").asText().endsWith("consent-unverifiable"), () -> read + ": " + answer);
        assertEquals("Consent Cannot Be Verified", answer.json().path("title").asText(), () -> read + ": " + answer);
        assertNotNull(answer.header("Retry-After"), () -> read + " says when to retry");
    }

    /** What a refusal says: its status, Retry-After and problem, but for the path it names ({@code instance}). */
    private static List<Object> refusal(Api.Answer answer) {
        if (!answer.isProblem()) {
            return List.of(answer.status(), answer.body());
        }
        ObjectNode problem = (ObjectNode) answer.json();
        problem.remove("instance");
        return List.of(answer.status(), String.valueOf(answer.header("Retry-After")), problem);
    }
}
