package io.cairn.systemtests.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.contracts.Topics;
import io.cairn.systemtests.Platform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A second intake instance runs beside the first, both relaying the same outbox while patients are admitted through
 * each: every event is published exactly once, and each patient's events keep their order.
 */
class RelayReplicasIT {

    static final int REPLICA_PORT = 8091;
    static final int PATIENTS = 200;
    static final List<String> EXPECTED_ORDER = List.of("intake.referral.received", "intake.consent.changed",
            "intake.assessment.completed");

    @Test
    void twoRelaysPublishEachEventOnceInEachPatientsOrder() throws Exception {
        FaultControl.startReplica("intake-service", REPLICA_PORT, Map.of());
        Queue<String> patients = new ConcurrentLinkedQueue<>();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        try {
            String coordinator = Platform.tokenOf("coordinator", "coordinator");
            String clinician = Platform.tokenOf("clinician", "clinician");
            List<Api> instances = List.of(new Api(Platform.GATEWAY), new Api("http://localhost:" + REPLICA_PORT));
            ExecutorService workers = Executors.newFixedThreadPool(6);
            String batch = UUID.randomUUID().toString().substring(0, 8);
            for (int i = 0; i < PATIENTS; i++) {
                Api api = instances.get(i % 2);
                int n = i;
                workers.submit(() -> admit(api, coordinator, clinician, batch + "-" + n, patients, failures));
            }
            workers.shutdown();
            workers.awaitTermination(10, TimeUnit.MINUTES);
            await().atMost(Duration.ofMinutes(2)).until(() -> Databases.count("intake",
                    "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL") == 0);
        } finally {
            FaultControl.stopReplica("intake-service", REPLICA_PORT);
        }
        assertEquals(List.of(), failures.stream().limit(5).toList(), "every admission step answered");

        Set<String> admitted = Set.copyOf(patients);
        List<EventLog.Event> events = EventLog.read(Topics.INTAKE).stream()
                .filter(e -> e.subject() != null && admitted.contains(e.subject())).toList();
        long outboxed = Databases.count("intake", "SELECT count(*) FROM outbox_event WHERE patient_id = ANY(?)",
                (Object) admitted.toArray(String[]::new));
        Map<String, Long> copies = events.stream().collect(Collectors.groupingBy(EventLog.Event::id,
                Collectors.counting()));
        long duplicates = copies.values().stream().filter(c -> c > 1).mapToLong(c -> c - 1).sum();
        Map<String, List<EventLog.Event>> byPatient = new HashMap<>();
        events.forEach(e -> byPatient.computeIfAbsent(e.subject(), k -> new ArrayList<>()).add(e));
        List<String> outOfOrder = new ArrayList<>();
        byPatient.forEach((patient, own) -> {
            List<String> types = own.stream().sorted(java.util.Comparator.comparingLong(EventLog.Event::offset))
                    .map(EventLog.Event::type).toList();
            boolean onePartition = own.stream().map(EventLog.Event::partition).distinct().count() == 1;
            if (!types.equals(EXPECTED_ORDER) || !onePartition) {
                outOfOrder.add(patient + " " + types);
            }
        });
        Report.figures("two relays",
                "patients=%d through 2 instances, events in outbox=%d, published=%d, distinct=%d, duplicates=%d, patients out of order=%d"
                        .formatted(admitted.size(), outboxed, events.size(), copies.size(), duplicates, outOfOrder.size()));
        assertEquals(PATIENTS, admitted.size());
        assertEquals(outboxed, copies.size(), "every outbox event published");
        assertEquals(0, duplicates, "no event published twice");
        assertEquals(List.of(), outOfOrder, "each patient's events in order on one partition");
    }

    private static void admit(Api api, String coordinator, String clinician, String unique, Queue<String> patients,
            Queue<String> failures) {
        Api.Answer patient = api.post("/patients", coordinator, """
                {"givenName":"Relay","familyName":"Replica-%s","birthDate":"1990-01-01","sex":"female",
                 "ageGroup":"adult","identifiers":[{"system":"urn:cairn:fault-suite","value":"relay-%s"}]}"""
                .formatted(unique, unique));
        if (patient.status() != 201) {
            failures.add("patient " + patient);
            return;
        }
        String id = patient.json().get("id").asText();
        List<Api.Answer> steps = new ArrayList<>();
        steps.add(api.post("/referrals", coordinator, """
                {"patientId":"%s","source":"physician","reason":"Fault suite","urgency":"routine"}""".formatted(id)));
        steps.add(api.post("/consents", coordinator, """
                {"patientId":"%s","recipient":"ehr-demo","purpose":"care-coordination",
                 "recordCategories":["demographics"]}""".formatted(id)));
        try {
            api.completeAssessment(clinician, id);
        } catch (IllegalStateException e) {
            failures.add("assessment " + e.getMessage());
        }
        steps.stream().filter(a -> a.status() >= 300).forEach(a -> failures.add(a.toString()));
        patients.add(id);
    }
}
