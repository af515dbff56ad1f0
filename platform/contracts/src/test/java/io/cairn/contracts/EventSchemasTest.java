package io.cairn.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cairn.contracts.events.AftercareNeeds;
import io.cairn.contracts.events.AftercareReferralCreated;
import io.cairn.contracts.events.AsamRatings;
import io.cairn.contracts.events.AssessmentCompleted;
import io.cairn.contracts.events.AttendanceMode;
import io.cairn.contracts.events.AttendanceRecorded;
import io.cairn.contracts.events.BookingReleased;
import io.cairn.contracts.events.CheckInDue;
import io.cairn.contracts.events.ReScreenDue;
import io.cairn.contracts.events.ReScreensDone;
import io.cairn.contracts.events.AttendanceStatus;
import io.cairn.contracts.events.ConsentChanged;
import io.cairn.contracts.events.ConsentPurpose;
import io.cairn.contracts.events.ConsentStatus;
import io.cairn.contracts.events.DischargeReason;
import io.cairn.contracts.events.EngagementAlert;
import io.cairn.contracts.events.EngagementRisk;
import io.cairn.contracts.events.EnrollmentStatus;
import io.cairn.contracts.events.EventPayload;
import io.cairn.contracts.events.LevelOfCare;
import io.cairn.contracts.events.PatientDischarged;
import io.cairn.contracts.events.PatientEnrolled;
import io.cairn.contracts.events.PatientGraduated;
import io.cairn.contracts.events.PlanApproved;
import io.cairn.contracts.events.PlanDrafted;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.contracts.events.Population;
import io.cairn.contracts.events.PreferredSchedule;
import io.cairn.contracts.events.ReferralReceived;
import io.cairn.contracts.events.ReferralSource;
import io.cairn.contracts.events.RelapseReported;
import io.cairn.contracts.events.PlanReviewed;
import io.cairn.contracts.events.PlanRevised;
import io.cairn.contracts.events.PlanRevisionProposed;
import io.cairn.contracts.events.CheckInRecorded;
import io.cairn.contracts.events.TaskEscalated;
import io.cairn.contracts.events.DisclosureRecorded;
import io.cairn.contracts.events.MeasureWorsened;
import io.cairn.contracts.events.SafetyAlertRaised;
import io.cairn.contracts.events.SessionUpcoming;
import io.cairn.contracts.events.SafetyAlertSource;
import io.cairn.contracts.events.SafetyFinding;
import io.cairn.contracts.events.ScreenerResult;
import io.cairn.contracts.events.SessionKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventSchemasTest {

    /** Serialized the way Quarkus' ObjectMapper does it: ISO-8601 times, not epoch numbers. */
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static final UUID PATIENT = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");
    static final LocalDate TODAY = LocalDate.parse("2026-11-24");
    static final AftercareNeeds NEEDS = new AftercareNeeds(List.of("alcohol"), List.of("partner", "SMART Recovery"),
            List.of("naltrexone"));

    /** One realistic sample per event type; the test below fails if a type has none. */
    static final Map<EventType, EventPayload> SAMPLES = List.<EventPayload> of(
            new ReferralReceived(UUID.randomUUID(), PATIENT, ReferralSource.PHYSICIAN, false, null, NOW),
            new ConsentChanged(UUID.randomUUID(), PATIENT, "ehr-northside", ConsentPurpose.CARE_COORDINATION,
                    List.of(RecordCategory.DEMOGRAPHICS, RecordCategory.ASSESSMENTS), ConsentStatus.ACTIVE, TODAY,
                    TODAY.plusYears(1), NOW, 1L),
            new AssessmentCompleted(UUID.randomUUID(), PATIENT, Population.ADULT, LevelOfCare.PARTIAL_HOSPITALIZATION,
                    LevelOfCare.INTENSIVE_OUTPATIENT, "Stable housing and strong family support", new AsamRatings(1, 0,
                            2, 2, 3, 1),
                    List.of(new ScreenerResult("PHQ-9", 14, "moderate", false, List.of()),
                            new ScreenerResult("AUDIT", 21, "zone-4-possible-dependence", false,
                                    List.of("audit-c-score-9", "audit-c-positive"))),
                    false, List.of("alcohol"), true, List.of("partner", "sister"), List.of("lisinopril"),
                    PreferredSchedule.EVENING, NOW),
            new PlanDrafted(UUID.randomUUID(), PATIENT, UUID.randomUUID(), NOW),
            new PlanApproved(UUID.randomUUID(), PATIENT, 2, Population.ADULT, new BigDecimal("9.5"),
                    PreferredSchedule.EVENING, 10, TODAY.plusDays(30), NOW),
            new PatientGraduated(UUID.randomUUID(), PATIENT, TODAY, NEEDS, NOW),
            new PatientDischarged(UUID.randomUUID(), PATIENT, DischargeReason.AGAINST_MEDICAL_ADVICE, TODAY, NEEDS, NOW),
            new PatientEnrolled(UUID.randomUUID(), PATIENT, UUID.randomUUID(), EnrollmentStatus.ENROLLED,
                    UUID.randomUUID(), TODAY.plusDays(3), null, NOW),
            new AttendanceRecorded(UUID.randomUUID(), PATIENT, UUID.randomUUID(), SessionKind.GROUP,
                    AttendanceStatus.LEFT_EARLY, 95, TODAY, NOW, AttendanceMode.TELEHEALTH),
            new EngagementAlert(PATIENT, EngagementRisk.BELOW_WEEKLY_MINIMUM, "2026-W48", new BigDecimal("4.5"),
                    new BigDecimal("9"), 2, NOW),
            new AftercareReferralCreated(UUID.randomUUID(), PATIENT, UUID.randomUUID(), TODAY,
                    List.of(7, 30, 90, 180, 365), true, NOW.plusSeconds(72 * 3600), NOW),
            new RelapseReported(PATIENT, UUID.randomUUID(), UUID.randomUUID(), NOW),
            new PlanReviewed(UUID.randomUUID(), PATIENT, UUID.randomUUID(), TODAY, TODAY.plusDays(30), NOW),
            new PlanRevised(UUID.randomUUID(), PATIENT, 3, Population.ADULT, new BigDecimal("12"),
                    PreferredSchedule.MORNING, 10, NOW),
            new PlanRevisionProposed(UUID.randomUUID(), PATIENT, 3, UUID.randomUUID(), NOW),
            new CheckInRecorded(UUID.randomUUID(), PATIENT, UUID.randomUUID(), 30, TODAY, true, NOW),
            new TaskEscalated(UUID.randomUUID(), UUID.randomUUID(), PATIENT, "safety-alert", NOW, NOW.plusSeconds(900)))
            .stream().collect(Collectors.toMap(EventType::of, Function.identity(), (a, b) -> a,
                    () -> new EnumMap<>(EventType.class)));

    static {
        // A payload two producers share is named by its type.
        SAMPLES.put(EventType.INTAKE_SAFETY_ALERT, SafetyAlertRaised.of(UUID.randomUUID(), PATIENT,
                SafetyFinding.RECENT_SUICIDAL_BEHAVIOR, SafetyAlertSource.ASSESSMENT, UUID.randomUUID(), NOW));
        SAMPLES.put(EventType.AFTERCARE_SAFETY_ALERT, SafetyAlertRaised.of(UUID.randomUUID(), PATIENT,
                SafetyFinding.SELF_HARM_THOUGHTS, SafetyAlertSource.CHECK_IN, UUID.randomUUID(), NOW));
        SAMPLES.put(EventType.TREATMENT_PLAN_SAFETY_ALERT, SafetyAlertRaised.of(UUID.randomUUID(), PATIENT,
                SafetyFinding.SELF_HARM_THOUGHTS, SafetyAlertSource.RE_SCREEN, UUID.randomUUID(), NOW));
        SAMPLES.put(EventType.MEASURE_WORSENED, new MeasureWorsened(UUID.randomUUID(), PATIENT, UUID.randomUUID(),
                "PHQ-9", 12, 18, NOW));
        SAMPLES.put(EventType.SESSION_UPCOMING, new SessionUpcoming(UUID.randomUUID(), PATIENT, UUID.randomUUID(),
                NOW.plusSeconds(86_400), NOW.minusSeconds(86_400)));
        SAMPLES.put(EventType.RE_SCREEN_DUE, new ReScreenDue(UUID.randomUUID(), PATIENT, LocalDate.of(2026, 12, 7),
                NOW));
        SAMPLES.put(EventType.RE_SCREENS_DONE, new ReScreensDone(UUID.randomUUID(), PATIENT,
                Instant.parse("2026-12-07T19:30:00Z")));
        SAMPLES.put(EventType.CHECK_IN_DUE, new CheckInDue(UUID.randomUUID(), PATIENT, LocalDate.of(2026, 12, 7),
                LocalDate.of(2026, 12, 14), NOW));
        SAMPLES.put(EventType.BOOKING_RELEASED, new BookingReleased(UUID.randomUUID(), PATIENT, UUID.randomUUID(),
                NOW));
        for (EventType type : List.of(EventType.INTAKE_DISCLOSURE, EventType.TREATMENT_PLAN_DISCLOSURE,
                EventType.SCHEDULING_DISCLOSURE, EventType.AFTERCARE_DISCLOSURE)) {
            SAMPLES.put(type, new DisclosureRecorded(UUID.randomUUID(), PATIENT, "ehr-northside",
                    RecordCategory.TREATMENT_PLANS, "treatment-plan", UUID.randomUUID().toString(), UUID.randomUUID(),
                    NOW));
        }
    }

    @Test
    void everyEventTypeHasASampleAndASchema() {
        assertEquals(Arrays.asList(EventType.values()), SAMPLES.keySet().stream().sorted().toList());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleValidatesAgainstItsSchemaAndRoundTrips(EventType type) throws Exception {
        EventPayload sample = SAMPLES.get(type);
        JsonNode data = JSON.valueToTree(sample);

        assertEquals(List.of(), EventSchemas.instance().violations(type, data));
        assertEquals(sample, JSON.treeToValue(data, type.payload()));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void missingPatientIdIsRejected(EventType type) {
        ObjectNode data = JSON.valueToTree(SAMPLES.get(type));
        data.remove("patientId");

        assertFalse(EventSchemas.instance().violations(type, data).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void unknownFieldIsRejected(EventType type) {
        ObjectNode data = JSON.valueToTree(SAMPLES.get(type));
        data.put("diagnosis", "leaked detail");

        assertFalse(EventSchemas.instance().violations(type, data).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void consumersTolerateAFieldANewerProducerAdded(EventType type) {
        ObjectNode data = JSON.valueToTree(SAMPLES.get(type));
        data.put("addedInANewerVersion", "ignored");

        assertEquals(List.of(), EventSchemas.instance().incompatibilities(type, data));
        data.remove("patientId");
        assertFalse(EventSchemas.instance().incompatibilities(type, data).isEmpty());
    }

    @Test
    void consumersTolerateAValueANewerProducerAddedToAnEnumButNotAWrongType() {
        ObjectNode data = JSON.valueToTree(SAMPLES.get(EventType.CONSENT_CHANGED));
        data.put("status", "suspended");
        data.putArray("recordCategories").add("attendance").add("billing");

        assertFalse(EventSchemas.instance().violations(EventType.CONSENT_CHANGED, data).isEmpty());
        assertEquals(List.of(), EventSchemas.instance().incompatibilities(EventType.CONSENT_CHANGED, data));
        data.put("status", 7);
        assertFalse(EventSchemas.instance().incompatibilities(EventType.CONSENT_CHANGED, data).isEmpty());
    }

    @Test
    void badValuesAreNamed() {
        ObjectNode data = JSON.valueToTree(SAMPLES.get(EventType.PATIENT_DISCHARGED));
        data.put("reason", "bored");
        data.put("patientId", "not-a-uuid");

        List<String> violations = EventSchemas.instance().violations(EventType.PATIENT_DISCHARGED, data);

        assertEquals(2, violations.size(), violations::toString);
        assertTrue(violations.stream().anyMatch(v -> v.contains("reason")), violations::toString);
        assertTrue(violations.stream().anyMatch(v -> v.contains("patientId")), violations::toString);
    }

    @Test
    void aSharedPayloadIsPublishedOnlyUnderTheTypeItsProducerNames() {
        EventPayload alert = SAMPLES.get(EventType.AFTERCARE_SAFETY_ALERT);

        IllegalArgumentException ambiguous = assertThrows(IllegalArgumentException.class, () -> EventType.of(alert));
        assertTrue(ambiguous.getMessage().contains("name the type"), ambiguous::getMessage);
        assertEquals(alert, EventType.AFTERCARE_SAFETY_ALERT.require(alert));
        assertThrows(IllegalArgumentException.class, () -> EventType.PLAN_REVIEWED.require(alert));
        assertEquals("/schemas/safety-alert.raised.schema.json", EventType.INTAKE_SAFETY_ALERT.schemaResource());
        assertEquals("/schemas/safety-alert.raised.schema.json", EventType.AFTERCARE_SAFETY_ALERT.schemaResource());
    }

    @Test
    void aSafetyAlertCarriesNoAnswer() {
        ObjectNode data = JSON.valueToTree(SAMPLES.get(EventType.INTAKE_SAFETY_ALERT));
        data.put("answer", 2);

        assertFalse(EventSchemas.instance().violations(EventType.INTAKE_SAFETY_ALERT, data).isEmpty());
        assertEquals("C-SSRS", data.get("screener").asText());
        assertEquals(6, data.get("item").asInt());
        assertEquals("suicidal-behavior-within-3-months", data.get("finding").asText());
    }

    @Test
    void typesAreFoundByNameAndTravelOnTheirProducersTopic() {
        assertEquals(EventType.RELAPSE_REPORTED, EventType.fromType("aftercare.relapse.reported").orElseThrow());
        assertTrue(EventType.fromType("aftercare.relapse").isEmpty());
        for (EventType type : EventType.values()) {
            String producer = type.type().substring(0, type.type().indexOf('.'));
            assertEquals("cairn." + producer + ".v1", type.topic());
        }
        assertEquals("cairn.intake.v1.dlq", Topics.deadLetterOf(Topics.INTAKE));
    }
}
