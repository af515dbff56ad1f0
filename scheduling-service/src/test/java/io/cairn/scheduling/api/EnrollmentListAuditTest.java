package io.cairn.scheduling.api;

import static io.cairn.scheduling.api.Schedule.SCHEDULER;
import static io.cairn.scheduling.api.Schedule.approved;
import static io.cairn.scheduling.api.Schedule.as;
import static io.cairn.scheduling.api.Schedule.enroll;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.contracts.events.Population;
import io.cairn.contracts.events.PreferredSchedule;
import io.cairn.testkit.Rows;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The enrollment list pages in SQL and audits the enrollments it answers, and no other. */
@QuarkusTest
class EnrollmentListAuditTest {

    @Inject
    EntityManager entities;

    @Test
    void aWindowOfTheWaitlistAuditsItsOwnRowsOnly() {
        for (int i = 0; i < 3; i++) {
            // No adolescent morning track exists: each waits.
            enroll(approved(UUID.randomUUID(), Population.ADOLESCENT, PreferredSchedule.MORNING, "19"));
        }
        long before = auditedEnrollmentReads();

        int total = Integer.parseInt(as(SCHEDULER).queryParam("status", "waitlisted").queryParam("size", 2)
                .get("/enrollments").then().statusCode(200).body("size()", equalTo(2)).extract()
                .header("X-Total-Count"));

        assertTrue(total >= 3, "three wait: " + total);
        assertEquals(before + 2, auditedEnrollmentReads());
    }

    private long auditedEnrollmentReads() {
        return Rows.count(entities, "SELECT count(*) FROM audit_event WHERE actor = 'scheduler-user' AND action = "
                + "'read' AND resource_type = 'enrollment'");
    }
}
