package io.cairn.scheduling.api;

import static io.cairn.scheduling.api.AttendanceTest.book;
import static io.cairn.scheduling.api.AttendanceTest.session;
import static io.cairn.scheduling.api.Schedule.SCHEDULER;
import static io.cairn.scheduling.api.Schedule.as;
import static io.cairn.scheduling.api.Schedule.today;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.testkit.Rows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The lists of a week come a window at a time, read and audited in the database a window at a time. */
@QuarkusTest
class WeekListsTest {

    @Inject
    EntityManager entities;

    @Test
    void sessionsStartingTogetherComeAWindowAtATimeWithTheirBookedPlaces() {
        LocalDate day = today().plusDays(1000);
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sessions.add(session("facilitator-" + UUID.randomUUID(), day, "18:00", "21:00", 10));
        }
        book(sessions.get(1), UUID.randomUUID()).statusCode(201);
        book(sessions.get(1), UUID.randomUUID()).statusCode(201);

        var first = as(SCHEDULER).queryParam("from", day.toString()).queryParam("to", day.toString())
                .queryParam("size", 2).get("/sessions").then().statusCode(200).body("", hasSize(2)).extract();
        var second = as(SCHEDULER).queryParam("from", day.toString()).queryParam("to", day.toString())
                .queryParam("size", 2).queryParam("page", 1).get("/sessions").then().statusCode(200)
                .body("", hasSize(1)).extract();

        assertEquals("3", first.header("X-Total-Count"));
        assertTrue(first.header("Link").contains("page=1") && first.header("Link").contains("size=2"),
                first.header("Link"));
        assertEquals("3", second.header("X-Total-Count"));
        assertNull(second.header("Link"));
        List<String> listed = new ArrayList<>(first.jsonPath().getList("id"));
        listed.addAll(second.jsonPath().getList("id"));
        assertEquals(sessions.stream().sorted().toList(), listed, "same start: in id order, each once");
        as(SCHEDULER).queryParam("from", day.toString()).queryParam("to", day.toString()).get("/sessions").then()
                .body("find { it.id == '" + sessions.get(1) + "' }.booked", equalTo(2))
                .body("find { it.id == '" + sessions.get(0) + "' }.booked", equalTo(0));
    }

    @Test
    void underTargetComesAWindowAtATimeByPatientAndAuditsOnlyThePatientsItAnswers() {
        String week = "2001-W01"; // nobody attended then: everyone enrolled is under target
        for (int i = 0; i < 4; i++) {
            QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery("""
                    insert into enrollment (id, patient_id, plan_id, status, weekly_hours_target, population, decided_at,
                                            version)
                    values (?1, ?2, ?3, 'ENROLLED', 9.0, 'ADULT', now(), 0)""").setParameter(1, UUID.randomUUID())
                    .setParameter(2, UUID.randomUUID()).setParameter(3, UUID.randomUUID()).executeUpdate());
        }
        long enrolled = count("select count(*) from enrollment where status = 'ENROLLED' and weekly_hours_target > 0");

        var first = as(SCHEDULER).queryParam("isoWeek", week).queryParam("size", 2).get("/hours/under-target")
                .then().statusCode(200).body("", hasSize(2)).extract();
        var second = as(SCHEDULER).queryParam("isoWeek", week).queryParam("size", 2).queryParam("page", 1)
                .get("/hours/under-target").then().statusCode(200).body("", hasSize(2)).extract();

        assertEquals(String.valueOf(enrolled), first.header("X-Total-Count"));
        assertTrue(first.header("Link").contains("page=1"), first.header("Link"));
        List<String> patients = new ArrayList<>(first.jsonPath().getList("patientId"));
        patients.addAll(second.jsonPath().getList("patientId"));
        assertEquals(patients.stream().sorted().toList(), patients, "by patient");
        assertEquals(0.0f, first.jsonPath().getFloat("[0].hoursAttended"));
        assertEquals(4L, count("select count(*) from audit_event where resource_type = 'weekly-hours' "
                + "and resource_id = ?1", week), "the four patients answered, no others");
    }

    private long count(String sql, Object... parameters) {
        return Rows.count(entities, sql, parameters);
    }
}
