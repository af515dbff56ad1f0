package io.cairn.scheduling.api;

import static io.cairn.scheduling.api.AttendanceTest.book;
import static io.cairn.scheduling.api.AttendanceTest.session;
import static io.cairn.scheduling.api.Schedule.CLINICIAN;
import static io.cairn.scheduling.api.Schedule.as;
import static io.cairn.scheduling.api.Schedule.today;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.contracts.events.ConsentChanged;
import io.cairn.contracts.events.ConsentPurpose;
import io.cairn.contracts.events.ConsentStatus;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GroupNoteAndCalendarTest {

    @Inject
    EntityManager entities;

    @Test
    void anAttendeeReadsTheSharedPartAndTheirOwnNothingOfAnotherMember() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        String group = yesterdaysGroup(alice, bob);
        String secret = "Bob disclosed a relapse on Saturday";

        as(CLINICIAN).body("""
                {"topic":"Managing cravings","content":"Urge surfing practised in pairs",
                 "parts":[{"patientId":"%s","text":"Alice engaged well"},{"patientId":"%s","text":"%s"}]}"""
                .formatted(alice, bob, secret)).put("/sessions/" + group + "/note").then().statusCode(200)
                .body("parts", hasSize(2));

        String asAlice = as(Tokens.forPatient(alice)).get("/sessions/" + group + "/note").then().statusCode(200)
                .body("content", equalTo("Urge surfing practised in pairs"))
                .body("parts.patientId", contains(alice.toString()))
                .extract().asString();
        assertFalse(asAlice.contains(bob.toString()), asAlice);
        assertFalse(asAlice.contains(secret), asAlice);
        as(Tokens.forPatient(UUID.randomUUID())).get("/sessions/" + group + "/note").then().statusCode(404);
        as(Tokens.forEhrClient("ehr-northside")).get("/sessions/" + group + "/note").then().statusCode(404);
        as(CLINICIAN).get("/sessions/" + group + "/note").then().body("parts", hasSize(2));
    }

    @Test
    void anEhrClientSeesTheAttendanceOfPatientsWhoseConsentNamesItAndNoOneElse() {
        UUID consenting = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String group = yesterdaysGroup(consenting, other);
        as(CLINICIAN)
                .body("""
                        {"topic":"t","content":"shared","parts":[{"patientId":"%s","text":"mine"},{"patientId":"%s","text":"theirs"}]}"""
                        .formatted(consenting, other))
                .put("/sessions/" + group + "/note").then().statusCode(200);
        String ehr = Tokens.forEhrClient("ehr-northside");
        as(ehr).get("/patients/" + consenting + "/hours").then().statusCode(404);

        consentToTheEhr(consenting, RecordCategory.ATTENDANCE);

        await().atMost(Duration.ofSeconds(20)).until(() -> as(ehr).get("/patients/" + consenting + "/hours")
                .statusCode() == 200);
        as(ehr).get("/patients/" + other + "/hours").then().statusCode(404);
        // The group note is a clinical note, not attendance: it needs a consent for treatment plans.
        as(ehr).get("/sessions/" + group + "/note").then().statusCode(404);

        consentToTheEhr(consenting, RecordCategory.TREATMENT_PLANS);
        await().atMost(Duration.ofSeconds(20)).until(() -> as(ehr).get("/sessions/" + group + "/note")
                .statusCode() == 200);
        as(ehr).get("/sessions/" + group + "/note").then().statusCode(200)
                .body("parts.patientId", contains(consenting.toString()))
                .body("parts.text", contains("mine"));
    }

    @Test
    void aWriteFromAStaleCopyOfTheNoteIsRefusedAndRemovesNoOnesPart() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        String group = yesterdaysGroup(alice, bob);
        String first = as(CLINICIAN).body("""
                {"topic":"t","content":"c","parts":[{"patientId":"%s","text":"Alice engaged well"}]}"""
                .formatted(alice)).put("/sessions/" + group + "/note").then().statusCode(200).extract().header("ETag");
        assertEquals(first, as(CLINICIAN).get("/sessions/" + group + "/note").then().statusCode(200).extract()
                .header("ETag"));

        // A co-facilitator adds Bob's part on the note they read...
        String second = as(CLINICIAN).header("If-Match", first).body("""
                {"topic":"t","content":"c","parts":[{"patientId":"%s","text":"Alice engaged well"},
                 {"patientId":"%s","text":"Bob left early, upset"}]}""".formatted(alice, bob))
                .put("/sessions/" + group + "/note").then().statusCode(200).body("parts", hasSize(2)).extract()
                .header("ETag");
        assertFalse(first.equals(second), "a write moves the version on");
        long bobsWrites = writesOfPart(bob);

        // ...and the first clinician's copy, without it, is refused: Bob's part stays.
        as(CLINICIAN).header("If-Match", first).body("""
                {"topic":"t","content":"c, edited","parts":[{"patientId":"%s","text":"Alice engaged well"}]}"""
                .formatted(alice)).put("/sessions/" + group + "/note").then().statusCode(412)
                .contentType("application/problem+json");
        as(CLINICIAN).get("/sessions/" + group + "/note").then().statusCode(200).header("ETag", second)
                .body("content", equalTo("c")).body("parts", hasSize(2));
        as(CLINICIAN).header("If-Match", "not-a-version").body("""
                {"topic":"t","content":"c","parts":[]}""").put("/sessions/" + group + "/note").then().statusCode(400);

        // A write that leaves Bob's part as it was does not write it again.
        as(CLINICIAN).header("If-Match", second).body("""
                {"topic":"t","content":"c, edited","parts":[{"patientId":"%s","text":"Alice engaged well"},
                 {"patientId":"%s","text":"Bob left early, upset"}]}""".formatted(alice, bob))
                .put("/sessions/" + group + "/note").then().statusCode(200);
        assertEquals(bobsWrites, writesOfPart(bob));
    }

    private long writesOfPart(UUID patient) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entities.createNativeQuery(
                "select count(*) from audit_event where resource_type = 'group-note-part' and patient_id = ?1 "
                        + "and action = 'write'")
                .setParameter(1, patient).getSingleResult()).longValue());
    }

    /** A group session held yesterday evening, with these members booked. */
    private static String yesterdaysGroup(UUID... members) {
        String group = session("facilitator-" + UUID.randomUUID(), today().minusDays(1), "18:00", "21:00", 10);
        for (UUID member : members) {
            book(group, member);
        }
        return group;
    }

    /** The consent as intake tells it: for one category of the patient's records, to ehr-northside. */
    private static void consentToTheEhr(UUID patient, RecordCategory category) {
        EventRecords.send(EventRecords.of(new ConsentChanged(UUID.randomUUID(), patient, "ehr-northside",
                ConsentPurpose.CARE_COORDINATION, List.of(category), ConsentStatus.ACTIVE, today().minusDays(1), null,
                Instant.now(), 1L)));
    }

    @Test
    void aNotePartForSomeoneNotInTheSessionIs400() {
        String group = session("facilitator-" + UUID.randomUUID(), today().minusDays(1), "18:00", "21:00", 10);

        as(CLINICIAN).body("""
                {"topic":"t","content":"c","parts":[{"patientId":"%s","text":"x"}]}""".formatted(UUID.randomUUID()))
                .put("/sessions/" + group + "/note").then().statusCode(400)
                .body("violations[0].field", equalTo("parts"));
    }

    @Test
    void theScheduleFeedParsesAsICalendarWithEverySession() throws Exception {
        UUID patient = UUID.randomUUID();
        String first = session("facilitator-" + UUID.randomUUID(), today().plusDays(2), "18:00", "21:00", 10);
        String second = session("facilitator-" + UUID.randomUUID(), today().plusDays(4), "18:00", "21:00", 10);
        book(first, patient);
        book(second, patient);

        String ics = as(Tokens.forPatient(patient)).accept("text/calendar").get("/patients/" + patient
                + "/schedule.ics").then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/calendar"))
                .extract().asString();

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(2, events.size());
        assertTrue(ics.contains("UID:" + first + "@cairn"));
        assertEquals("Psychoeducation", events.get(0).getSummary().getValue());
        as(Tokens.forPatient(UUID.randomUUID())).accept("text/calendar").get("/patients/" + patient + "/schedule.ics")
                .then().statusCode(404);
        // A generated client that asks only for problem+json still gets the feed; an error stays problem+json.
        as(Tokens.forPatient(patient)).accept("application/problem+json").get("/patients/" + patient
                + "/schedule.ics").then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/calendar"))
                .body(org.hamcrest.Matchers.startsWith("BEGIN:VCALENDAR"));
        as(Tokens.forPatient(UUID.randomUUID())).accept("application/problem+json").get("/patients/" + patient
                + "/schedule.ics").then().statusCode(404).contentType("application/problem+json");
        as(Tokens.forPatient(patient)).get("/patients/" + patient + "/schedule").then().statusCode(200)
                .body("id", contains(first, second)).body("[0].title", not(equalTo(null)));
    }

    /**
     * Nothing a title, a place or a stored address holds adds a line to the feed: a lone CR is escaped like a line
     * break, and an address that could break its line (one stored before addresses were checked) is left out.
     */
    @Test
    void noValueBreaksALineOfTheScheduleFeed() throws Exception {
        UUID patient = UUID.randomUUID();
        String session = as(Schedule.SCHEDULER).body("""
                {"kind":"group","groupType":"psychoeducation","title":"Relapse\\rATTENDEE:mailto:a@example.org",
                 "facilitatorId":"f-%s","capacity":5,"location":"Room 1\\r\\nORGANIZER:mailto:b@example.org",
                 "startsAt":"%sT18:00:00Z","endsAt":"%sT19:00:00Z"}""".formatted(UUID.randomUUID(),
                today().plusDays(3), today().plusDays(3))).post("/sessions").then().statusCode(201).extract().path("id");
        book(session, patient);
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery(
                "update session set telehealth_url = 'https://rooms.example/a' || chr(13) || chr(10) "
                        + "|| 'ATTENDEE:mailto:c@example.org' where id = ?1")
                .setParameter(1, UUID.fromString(session)).executeUpdate());

        String ics = as(Tokens.forPatient(patient)).accept("text/calendar").get("/patients/" + patient
                + "/schedule.ics").then().statusCode(200).extract().asString();

        VEvent event = (VEvent) new CalendarBuilder().build(new StringReader(ics)).getComponents("VEVENT").get(0);
        assertEquals(List.of(), event.getProperties("ATTENDEE"));
        assertEquals(List.of(), event.getProperties("ORGANIZER"));
        assertEquals(List.of(), event.getProperties("URL"));
        assertTrue(event.getSummary().getValue().startsWith("Relapse"), event.getSummary().getValue());
        assertFalse(ics.contains("\r\nATTENDEE"), ics);
    }
}
