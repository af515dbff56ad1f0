package io.cairn.aftercare.fhir;

import static io.cairn.aftercare.api.Aftercare.CASE_MANAGER;
import static io.cairn.aftercare.api.Aftercare.as;
import static io.cairn.aftercare.api.Aftercare.checkIn;
import static io.cairn.aftercare.api.Aftercare.gad7;
import static io.cairn.aftercare.api.Aftercare.outcome;
import static io.cairn.aftercare.api.Aftercare.phq9;
import static io.cairn.aftercare.api.Aftercare.referralAfterGraduation;
import static io.cairn.testkit.BulkExportRequests.awaitComplete;
import static io.cairn.testkit.BulkExportRequests.exported;
import static io.cairn.testkit.BulkExportRequests.file;
import static io.cairn.testkit.BulkExportRequests.start;
import static io.cairn.testkit.FhirRequests.EHR_TOKEN;
import static io.cairn.testkit.FhirRequests.consentToEhr;
import static io.cairn.testkit.FhirRequests.fhir;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.contracts.Roles;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.fhir.validation.FhirValidation;
import io.cairn.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Aftercare's part of a Bulk Data export: each referral as an EpisodeOfCare and its follow-up as a Task, to an EHR
 * only under a consent for aftercare; {@code _since} finds a follow-up changed by a check-in alone.
 */
@QuarkusTest
class FhirBulkExportTest {

    @Test
    void anEhrExportsTheEpisodesAndFollowUpsItsConsentNames() {
        LocalDate graduatedOn = LocalDate.now(ZoneOffset.UTC).minusDays(8);
        UUID consenting = UUID.randomUUID();
        String episode = referralAfterGraduation(consenting, graduatedOn).getString("id");
        UUID stranger = UUID.randomUUID();
        String strangers = referralAfterGraduation(stranger, graduatedOn).getString("id");
        consentToEhr(consenting, RecordCategory.AFTERCARE);
        await().atMost(Duration.ofSeconds(20)).until(() -> fhir(EHR_TOKEN).get("/Task/" + episode).statusCode() == 200);

        String job = start(EHR_TOKEN, null, null);
        assertEquals(Set.of("EpisodeOfCare", "Task"),
                Set.copyOf(awaitComplete(EHR_TOKEN, job).<String> getList("output.type")));
        for (String type : List.of("EpisodeOfCare", "Task")) {
            List<String> lines = file(EHR_TOKEN, job, type);
            lines.forEach(FhirValidation::assertValid);
            assertTrue(lines.stream().anyMatch(line -> line.contains("\"id\":\"" + episode + "\"")), type);
            assertFalse(lines.stream().anyMatch(line -> line.contains(strangers)), "no consent, no " + type);
        }

        // A check-in recorded changes the follow-up, not the episode.
        Instant since = Instant.now();
        as(CASE_MANAGER).body(outcome(LocalDate.now(ZoneOffset.UTC), true, false, phq9(4), gad7(3)))
                .post("/check-ins/" + checkIn(episode, 7) + "/outcome").then().statusCode(200);
        String director = Tokens.forRole(Roles.PROGRAM_DIRECTOR);
        assertTrue(exported(director, "Task", since.toString(), "Task").stream()
                .anyMatch(line -> line.contains("\"id\":\"" + episode + "\"")), "the follow-up changed");
        assertFalse(exported(director, "EpisodeOfCare", since.toString(), "EpisodeOfCare").stream()
                .anyMatch(line -> line.contains(episode)), "the episode did not");
        assertFalse(exported(director, "Task", since.toString(), "Task").stream()
                .anyMatch(line -> line.contains(strangers)), "nor the other follow-up");
    }
}
