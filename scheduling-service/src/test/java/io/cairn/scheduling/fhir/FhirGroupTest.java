package io.cairn.scheduling.fhir;

import static io.cairn.scheduling.api.Schedule.approved;
import static io.cairn.scheduling.api.Schedule.enroll;
import static io.cairn.scheduling.api.Schedule.sessions;
import static io.cairn.scheduling.api.Schedule.today;
import static io.cairn.scheduling.api.Schedule.track;
import static io.cairn.testkit.FhirRequests.EHR;
import static io.cairn.testkit.FhirRequests.EHR_TOKEN;
import static io.cairn.testkit.FhirRequests.FHIR_JSON;
import static io.cairn.testkit.FhirRequests.consentToEhr;
import static io.cairn.testkit.FhirRequests.fhir;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.contracts.Roles;
import io.cairn.contracts.events.AftercareNeeds;
import io.cairn.contracts.events.PatientGraduated;
import io.cairn.contracts.events.PlanApproved;
import io.cairn.contracts.events.Population;
import io.cairn.contracts.events.PreferredSchedule;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.fhir.validation.FhirValidation;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.Rows;
import io.cairn.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A track is a FHIR Group, its cohort the patients enrolled in it: the group a {@code Group/{id}/$export} names. Staff
 * see every member; an EHR those whose consent names it for attendance, each member it sees a disclosure.
 */
@QuarkusTest
class FhirGroupTest {

    @Inject
    EntityManager entities;

    @Test
    void aTracksCohortIsAGroupWhoseMembersAnEhrSeesUnderConsent() {
        sessions(track("adult", "evening", 12));
        UUID patient = UUID.randomUUID();
        PlanApproved plan = approved(patient, Population.ADULT, PreferredSchedule.EVENING, "9");
        JsonPath enrollment = enroll(plan);
        String group = enrollment.getString("trackId");
        LocalDate startsOn = LocalDate.parse(enrollment.getString("startsOn"));
        String member = "Patient/" + patient;

        FhirValidation.assertValid(fhir(Tokens.forRole(Roles.PROGRAM_DIRECTOR)).get("/Group/" + group).then()
                .statusCode(200).contentType(FHIR_JSON)
                .body("type", equalTo("person")).body("actual", equalTo(true))
                .body("member.entity.reference", hasItem(member))
                .body("member.find { it.entity.reference == '" + member + "' }.inactive", equalTo(false))
                .body("meta.security.code", hasItem("ETH"))
                .extract().asString());

        // No consent yet: the EHR sees the track, not that this patient is in it.
        fhir(EHR_TOKEN).get("/Group/" + group).then().statusCode(200)
                .body("member.entity.reference.flatten()", not(hasItem(member)));
        consentToEhr(patient, RecordCategory.ATTENDANCE);
        await().atMost(Duration.ofSeconds(20)).until(() -> fhir(EHR_TOKEN).get("/Group/" + group).asString()
                .contains("\"" + member + "\""));
        assertTrue(Rows.count(entities, "SELECT count(*) FROM audit_event WHERE action = 'disclose' "
                + "AND patient_id = ?1 AND resource_type = 'enrollment' AND client_id = ?2", patient, EHR) >= 1,
                "each member an EHR sees is disclosed");
        FhirValidation.assertValid(fhir(EHR_TOKEN).get("/Group").then().statusCode(200)
                .body("entry.resource.id", hasItem(group)).extract().asString());

        // Graduated today: still in the cohort, inactive; an episode that ended before its first session (the
        // track's sessions start tomorrow) never began.
        EventRecords.send(EventRecords.of(new PatientGraduated(plan.planId(), patient, today(),
                new AftercareNeeds(List.of(), List.of(), List.of()), Instant.now())));
        String path = "member.find { it.entity.reference == '" + member + "' }";
        await().atMost(Duration.ofSeconds(20)).until(() -> fhir(EHR_TOKEN).get("/Group/" + group).jsonPath()
                .getBoolean(path + ".inactive"));
        FhirValidation.assertValid(fhir(Tokens.forRole(Roles.PROGRAM_DIRECTOR)).get("/Group/" + group).then()
                .statusCode(200).body(path + ".period.end", equalTo(today().toString()))
                .body(path + ".period.start", startsOn.isAfter(today()) ? nullValue() : equalTo(startsOn.toString()))
                .extract().asString());

        fhir(Tokens.forPatient(patient)).get("/Group/" + group).then().statusCode(403);
        fhir(EHR_TOKEN).get("/Group/" + UUID.randomUUID()).then().statusCode(404).contentType(FHIR_JSON);
    }
}
