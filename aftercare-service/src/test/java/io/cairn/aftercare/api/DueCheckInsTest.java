package io.cairn.aftercare.api;

import static io.cairn.aftercare.api.Aftercare.CASE_MANAGER;
import static io.cairn.aftercare.api.Aftercare.as;
import static io.cairn.aftercare.api.Aftercare.checkIn;
import static io.cairn.aftercare.api.Aftercare.referralAfterGraduation;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.testkit.Rows;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The case managers' list comes a window at a time, read and audited in the database a window at a time. */
@QuarkusTest
class DueCheckInsTest {

    @Inject
    EntityManager entities;

    @Test
    void theDueListComesAWindowAtATimeEarliestFirstAndAuditsOnlyTheCheckInsItAnswers() {
        String referral = referralAfterGraduation(UUID.randomUUID(), LocalDate.now(ZoneOffset.UTC).minusDays(8))
                .getString("id");
        String lastOfIt = checkIn(referral, 365);
        LocalDate inTwoYears = LocalDate.now(ZoneOffset.UTC).plusYears(2); // every scheduled check-in is due by then
        long scheduled = count("select count(*) from check_in where status = 'SCHEDULED'");
        long audited = count("select coalesce(max(id), 0) from audit_event");

        var window = as(CASE_MANAGER).queryParam("on", inTwoYears.toString()).queryParam("size", 3)
                .get("/check-ins").then().statusCode(200).body("", hasSize(3)).extract();

        assertEquals(String.valueOf(scheduled), window.header("X-Total-Count"));
        assertTrue(window.header("Link").contains("page=1"), window.header("Link"));
        List<String> due = window.jsonPath().getList("dueOn");
        assertEquals(due.stream().sorted().toList(), due, "earliest due first");
        assertEquals(3L, count("select count(*) from audit_event where id > ?1 and resource_type = 'check-in' "
                + "and action = 'read'", audited), "the three check-ins answered, no others");
        assertEquals(0L, count("select count(*) from audit_event where resource_id = ?1", lastOfIt));
    }

    private long count(String sql, Object... parameters) {
        return Rows.count(entities, sql, parameters);
    }
}
