package io.cairn.treatmentplan.api;

import static io.cairn.treatmentplan.api.Plans.CLINICIAN;
import static io.cairn.treatmentplan.api.Plans.activePlan;
import static io.cairn.treatmentplan.api.Plans.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.contracts.events.EngagementAlert;
import io.cairn.contracts.events.EngagementRisk;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.Rows;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The reviews-due list pages in SQL and audits the plans it answers, and no other. */
@QuarkusTest
class ReviewsDueAuditTest {

    @Inject
    EntityManager entities;

    @Test
    void aWindowOfTheReviewsDueAuditsItsOwnRowsOnly() {
        for (int i = 0; i < 3; i++) {
            UUID patient = UUID.randomUUID();
            String plan = activePlan(patient);
            EventRecords.send(EventRecords.of(new EngagementAlert(patient, EngagementRisk.MISSED_SESSIONS, "2026-W48",
                    new BigDecimal("3"), new BigDecimal("9"), 2, Instant.now())));
            await().atMost(Duration.ofSeconds(20)).until(() -> as(CLINICIAN).get("/treatment-plans/" + plan)
                    .jsonPath().getBoolean("flaggedForReview"));
        }
        long before = auditedPlanReads();

        int total = Integer.parseInt(as(CLINICIAN).queryParam("size", 2).get("/treatment-plans/reviews-due").then()
                .statusCode(200).body("size()", equalTo(2)).extract().header("X-Total-Count"));

        assertTrue(total >= 3, "three plans are due: " + total);
        assertEquals(before + 2, auditedPlanReads());
    }

    private long auditedPlanReads() {
        return Rows.count(entities, "SELECT count(*) FROM audit_event WHERE actor = 'clinician-user' AND action = "
                + "'read' AND resource_type = 'treatment-plan'");
    }
}
