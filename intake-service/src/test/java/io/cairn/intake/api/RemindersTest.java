package io.cairn.intake.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.contracts.Roles;
import io.cairn.contracts.events.AftercareNeeds;
import io.cairn.contracts.events.BookingReleased;
import io.cairn.contracts.events.CheckInDue;
import io.cairn.contracts.events.CheckInRecorded;
import io.cairn.contracts.events.PatientGraduated;
import io.cairn.contracts.events.ReScreenDue;
import io.cairn.contracts.events.ReScreensDone;
import io.cairn.contracts.events.DischargeReason;
import io.cairn.contracts.events.PatientDischarged;
import io.cairn.contracts.events.SessionUpcoming;
import io.cairn.intake.PushServiceResource;
import io.cairn.testkit.CairnInfrastructure;
import io.cairn.testkit.EventRecords;
import io.cairn.testkit.Rows;
import io.cairn.testkit.SmtpResource;
import io.cairn.testkit.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * A session coming up reaches the patient once, by the channel they chose, outside their quiet hours, saying nothing
 * of their care; and nothing reaches them once their episode ended.
 */
@QuarkusTest
@QuarkusTestResource(CairnInfrastructure.class)
@QuarkusTestResource(SmtpResource.class)
@QuarkusTestResource(PushServiceResource.class)
class RemindersTest {

    static final String COORDINATOR = Tokens.forRole(Roles.INTAKE_COORDINATOR);

    @Inject
    EntityManager entities;

    @Test
    void aSessionComingUpIsMailedOnceAndSaysNothingOfTheirCare() throws Exception {
        String email = "r-" + UUID.randomUUID() + "@example.org";
        UUID patient = register("Quinlan", email);
        Instant startsAt = Instant.now().plus(Duration.ofHours(20)).truncatedTo(ChronoUnit.MINUTES);

        UUID booking = UUID.randomUUID();
        var upcoming = EventRecords.of(new SessionUpcoming(booking, patient, UUID.randomUUID(), startsAt,
                Instant.now()));
        // Delivered twice, and announced twice (a second event for the same booking).
        EventRecords.send(upcoming, upcoming, EventRecords.of(new SessionUpcoming(booking, patient, UUID.randomUUID(),
                startsAt, Instant.now())));

        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(email).size() == 1);
        MimeMessage mail = mailTo(email).get(0);
        assertEquals("Reminder: your appointment", mail.getSubject());
        assertEquals("Reminders <reminders@cairn.local>", mail.getFrom()[0].toString());
        String text = ((String) mail.getContent()).strip();
        String when = java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", java.util.Locale.ENGLISH)
                .format(startsAt.atZone(ZoneId.of("UTC")));
        assertTrue(text.startsWith("You have an appointment on " + when + "."), text);
        for (String health : List.of("Quinlan", "Dana", "program", "IOP", "group", "therapy", "treatment", "alcohol")) {
            assertFalse(text.toLowerCase().contains(health.toLowerCase()), "the mail says " + health + ": " + text);
        }
        assertEquals(List.of("SENT", "EMAIL"), reminderOf(patient, startsAt).subList(0, 2));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> mailTo(email).size() == 1);
    }

    @Test
    void reScreensAnsweredWhileTheirReminderWaitsAreNotRemindedButOneNewlyDueIs() {
        UUID patient = register("Answered", "a-" + UUID.randomUUID() + "@example.org");
        quietAllDayButAMinute(patient);
        UUID plan = UUID.randomUUID();
        Instant announced = Instant.now().minusSeconds(60);
        EventRecords.send(EventRecords.of(new ReScreenDue(plan, patient, LocalDate.now(ZoneOffset.UTC), announced)));
        await().atMost(Duration.ofSeconds(20)).until(() -> Rows.count(entities, "SELECT count(*) FROM reminder "
                + "WHERE patient_id = ?1 AND status = 'PENDING'", patient) == 1);

        // Answered after the announcement; then something else falls due. Another plan's (an earlier episode's)
        // reminder is not this one's.
        Instant done = Instant.now().minusSeconds(30);
        EventRecords.send(EventRecords.of(new ReScreenDue(plan, patient, LocalDate.now(ZoneOffset.UTC),
                Instant.now())), EventRecords.of(
                        new ReScreenDue(UUID.randomUUID(), patient,
                                LocalDate.now(ZoneOffset.UTC), announced)));
        await().atMost(Duration.ofSeconds(20)).until(() -> Rows.count(entities, "SELECT count(*) FROM reminder "
                + "WHERE patient_id = ?1 AND status = 'PENDING'", patient) == 3);
        // Delivered twice: the second changes nothing.
        var answered = EventRecords.of(new ReScreensDone(plan, patient, done));
        EventRecords.send(answered, answered);
        await().atMost(Duration.ofSeconds(20)).until(() -> Rows.count(entities, "SELECT count(*) FROM reminder "
                + "WHERE patient_id = ?1 AND status = 'SKIPPED'", patient) == 1);
        assertEquals("it was done before the reminder was sent", Rows.single(entities,
                "SELECT outcome FROM reminder WHERE patient_id = ?1 AND status = 'SKIPPED'", patient));
        assertEquals(1L, Rows.count(entities, "SELECT count(*) FROM reminder WHERE patient_id = ?1 "
                + "AND status = 'PENDING' AND booked_at > ?2", patient, done));
        assertEquals(1L, Rows.count(entities, "SELECT count(*) FROM reminder WHERE patient_id = ?1 "
                + "AND status = 'PENDING' AND subject_id NOT LIKE ?2", patient, plan + "/%"));
    }

    @Test
    void dueReScreensAndCheckInsAreRemindedAndACheckInAfterTheEpisodesEndToo() throws Exception {
        String email = "s-" + UUID.randomUUID() + "@example.org";
        UUID patient = register("Screened", email);
        EventRecords.send(EventRecords.of(new ReScreenDue(UUID.randomUUID(), patient, LocalDate.now(ZoneOffset.UTC),
                Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(email).size() == 1);
        assertEquals("Reminder: a few questions for you", mailTo(email).get(0).getSubject());

        EventRecords.send(EventRecords.of(new PatientGraduated(UUID.randomUUID(), patient, LocalDate.now(),
                new AftercareNeeds(List.of(), List.of(), List.of()), Instant.now().minusSeconds(60))));
        EventRecords.send(EventRecords.of(new CheckInDue(UUID.randomUUID(), patient, LocalDate.now(ZoneOffset.UTC),
                LocalDate.now(ZoneOffset.UTC).plusDays(7), Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(email).size() == 2);
        String text = (String) mailTo(email).get(1).getContent();
        assertEquals("Reminder: your check-in", mailTo(email).get(1).getSubject());
        for (String health : List.of("Screened", "Dana", "PHQ", "GAD", "AUDIT", "DAST", "depression", "alcohol",
                "aftercare", "discharge", "relapse", "graduat")) {
            assertFalse(text.contains(health), "the mail says " + health + ": " + text);
        }
        // A re-screen announced before the episode ended, for days after it, is stopped.
        EventRecords.send(EventRecords.of(new ReScreenDue(UUID.randomUUID(), patient,
                LocalDate.now(ZoneOffset.UTC), Instant.now().minusSeconds(120))));
        await().atMost(Duration.ofSeconds(20)).until(() -> Rows.count(entities, "SELECT count(*) FROM reminder "
                + "WHERE patient_id = ?1 AND kind = 'RE_SCREEN' AND outcome = 'the episode ended before it'",
                patient) == 1);
        assertEquals(2, mailTo(email).size());
    }

    @Test
    void aCheckInDoneWhileItsReminderWaitsIsNotReminded() {
        UUID patient = register("Done", "d-" + UUID.randomUUID() + "@example.org");
        quietAllDayButAMinute(patient);
        UUID checkIn = UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        EventRecords.send(EventRecords.of(new CheckInDue(checkIn, patient, today, today.plusDays(7), Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> "PENDING".equals(Rows.single(entities,
                "SELECT status FROM reminder WHERE subject_id = ?1", checkIn.toString())));

        EventRecords.send(EventRecords.of(new CheckInRecorded(checkIn, patient, UUID.randomUUID(), 7, today, true,
                Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> "SKIPPED".equals(Rows.single(entities,
                "SELECT status FROM reminder WHERE subject_id = ?1", checkIn.toString())));
        assertEquals("it was done before the reminder was sent", Rows.single(entities,
                "SELECT outcome FROM reminder WHERE subject_id = ?1", checkIn.toString()));
    }

    @Test
    void thePatientChoosesNoRemindersOrQuietHours() throws Exception {
        String email = "q-" + UUID.randomUUID() + "@example.org";
        UUID patient = register("Quiet", email);
        RequestSpecification own = as(Tokens.forPatient(patient));

        own.get("/patients/" + patient + "/reminder-preferences").then().statusCode(200)
                .body("channel", equalTo("email")).body("clinicDefault", equalTo(true))
                .body("timeZone", equalTo("UTC"));
        own.body("{\"channel\":\"none\"}").put("/patients/" + patient + "/reminder-preferences").then()
                .statusCode(200).body("channel", equalTo("none")).body("clinicDefault", equalTo(false))
                .body("version", equalTo(0));
        Instant tomorrow = Instant.now().plus(Duration.ofHours(20)).truncatedTo(ChronoUnit.MINUTES);
        announce(patient, tomorrow);
        await().atMost(Duration.ofSeconds(20)).until(() -> statusOf(patient, tomorrow).equals("SKIPPED"));
        assertEquals("the patient chose no reminders", reminderOf(patient, tomorrow).get(2));

        // Quiet from an hour ago until two hours from now, in the patient's own time zone.
        ZoneId chicago = ZoneId.of("America/Chicago");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        LocalTime from = now.minus(Duration.ofHours(1)).atZone(chicago).toLocalTime();
        LocalTime until = now.plus(Duration.ofHours(2)).atZone(chicago).toLocalTime();
        own.body("""
                {"channel":"email","quietHours":{"from":"%s","until":"%s"},"timeZone":"America/Chicago","version":0}"""
                .formatted(from, until)).put("/patients/" + patient + "/reminder-preferences").then().statusCode(200)
                .body("quietHours.from", equalTo(from.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss"))))
                .body("version", equalTo(1));
        Instant later = tomorrow.plus(Duration.ofHours(1));
        Instant soon = now.plus(Duration.ofHours(1));
        announce(patient, later);
        announce(patient, soon);

        await().atMost(Duration.ofSeconds(20)).until(() -> statusOf(patient, soon).equals("SKIPPED"));
        assertEquals("the patient's quiet hours last until it begins", reminderOf(patient, soon).get(2));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> now.plus(Duration.ofHours(2)).equals(reminderOf(patient, later).get(3)));
        assertEquals("PENDING", reminderOf(patient, later).get(0), "it waits for the quiet hours' end");
        assertEquals(List.of(), mailTo(email));
    }

    @Test
    void badPreferencesAreRefusedAndChangeNothing() {
        UUID patient = register("Choosy", "c-" + UUID.randomUUID() + "@example.org");
        String path = "/patients/" + patient + "/reminder-preferences";
        RequestSpecification own = as(Tokens.forPatient(patient));
        own.body("{\"channel\":\"email\",\"timeZone\":\"Mars/Olympus\"}").put(path).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("timeZone"));
        own.body("{\"channel\":\"email\",\"quietHours\":{\"from\":\"22:00\",\"until\":\"22:00\"}}").put(path).then()
                .statusCode(400).body("violations[0].field", equalTo("quietHours"));
        own.body("{\"channel\":\"pigeon\"}").put(path).then().statusCode(400);
        own.get(path).then().statusCode(200).body("clinicDefault", equalTo(true));

        own.body("{\"channel\":\"push\"}").put(path).then().statusCode(200);
        own.body("{\"channel\":\"email\"}").put(path).then().statusCode(400).body("violations[0].field", equalTo("version"));
        own.body("{\"channel\":\"email\",\"version\":7}").put(path).then().statusCode(409);
        as(Tokens.forPatient(UUID.randomUUID())).get(path).then().statusCode(404);
        as(Tokens.forPatient(UUID.randomUUID())).body("{\"channel\":\"none\"}").put(path).then().statusCode(404);
        as(COORDINATOR).get(path).then().statusCode(200).body("channel", equalTo("push"));

        UUID withoutEmail = UUID.fromString(as(COORDINATOR).body("""
                {"givenName":"Ana","familyName":"Noemail","birthDate":"1990-01-02","sex":"female","ageGroup":"adult"}""")
                .post("/patients").then().statusCode(201).extract().path("id"));
        as(COORDINATOR).body("{\"channel\":\"email\"}").put("/patients/" + withoutEmail + "/reminder-preferences")
                .then().statusCode(400).body("violations[0].message", containsString("e-mail address"));
        as(COORDINATOR).get("/patients/" + UUID.randomUUID() + "/reminder-preferences").then().statusCode(404);
    }

    @Test
    void theEpisodesEndStopsWhatWasBookedBeforeItAndAReleasedBookingIsNotReminded() {
        UUID patient = register("Ending", "e-" + UUID.randomUUID() + "@example.org");
        quietAllDayButAMinute(patient);
        Instant bookedBefore = Instant.now().minus(Duration.ofDays(1));
        Instant first = Instant.now().plus(Duration.ofHours(30)).truncatedTo(ChronoUnit.MINUTES);
        announce(patient, first, bookedBefore);
        await().atMost(Duration.ofSeconds(20)).until(() -> !reminderOf(patient, first).isEmpty());
        assertEquals("PENDING", reminderOf(patient, first).get(0));

        Instant endedAt = Instant.now();
        EventRecords.send(EventRecords.of(new PatientDischarged(UUID.randomUUID(), patient,
                DischargeReason.ADMINISTRATIVE, LocalDate.now(), new AftercareNeeds(List.of(), List.of(), List.of()),
                endedAt)));
        await().atMost(Duration.ofSeconds(20)).until(() -> statusOf(patient, first).equals("SKIPPED"));
        assertEquals("the episode ended before it", reminderOf(patient, first).get(2));

        // Announced after the end, but booked before it: stopped at once.
        Instant second = first.plus(Duration.ofHours(1));
        announce(patient, second, bookedBefore);
        // Booked after the end (a new episode): reminded, whether or not its plan's approval has arrived.
        Instant third = second.plus(Duration.ofHours(1));
        UUID thirdBooking = announce(patient, third, endedAt.plusSeconds(60));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !reminderOf(patient, second).isEmpty() && !reminderOf(patient, third).isEmpty());
        assertEquals(List.of("SKIPPED", "the episode ended before it"), List.of(reminderOf(patient, second).get(0),
                reminderOf(patient, second).get(2)));
        assertEquals("PENDING", reminderOf(patient, third).get(0), "a new episode's sessions are reminded");

        EventRecords.send(EventRecords.of(new BookingReleased(thirdBooking, patient, UUID.randomUUID(),
                Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> statusOf(patient, third).equals("SKIPPED"));
        assertEquals("the booking was released", reminderOf(patient, third).get(2));
    }

    @Test
    void aPushReminderIsSignedAndTriedAgainUntilThePushServiceTakesIt() throws Exception {
        UUID patient = register("Pushed", "p-" + UUID.randomUUID() + "@example.org");
        as(Tokens.forPatient(patient)).body("{\"channel\":\"push\"}")
                .put("/patients/" + patient + "/reminder-preferences").then().statusCode(200);
        Instant startsAt = Instant.now().plus(Duration.ofHours(20)).truncatedTo(ChronoUnit.MINUTES);
        PushServiceResource.refuseNext(1);
        announce(patient, startsAt);

        await().atMost(Duration.ofSeconds(20)).until(() -> pushesFor(patient).size() == 2);
        List<PushServiceResource.Received> pushes = pushesFor(patient);
        assertEquals(List.of(503, 202), pushes.stream().map(PushServiceResource.Received::answered).toList());
        JsonNode body = EventRecords.JSON.readTree(pushes.get(1).body());
        assertEquals(startsAt, Instant.parse(body.get("at").asText()));
        assertFalse(body.has("kind"), "the push service is not told what the reminder is about");
        assertFalse(pushes.get(1).body().contains("Pushed") || pushes.get(1).body().contains("Dana"),
                "no name in the push");
        Map<String, String> signature = parts(pushes.get(1).signature());
        assertEquals(hmac(PushServiceResource.SECRET, signature.get("t"), pushes.get(1).body()), signature.get("v1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(patient, startsAt).equals("SENT"));
        assertEquals("PUSH", reminderOf(patient, startsAt).get(1));
        assertEquals(1, ((Number) Rows.single(entities, "SELECT attempts FROM reminder WHERE patient_id = ?1",
                patient)).intValue(), "one refused attempt before it");
    }

    /** Quiet all day but a minute, so that what is queued waits and can be seen stopped. */
    private static void quietAllDayButAMinute(UUID patient) {
        LocalTime now = LocalTime.now(ZoneId.of("UTC"));
        as(Tokens.forPatient(patient)).body("""
                {"channel":"email","quietHours":{"from":"%s","until":"%s"},"timeZone":"UTC"}"""
                .formatted(now.minusMinutes(1).withSecond(0).withNano(0), now.minusMinutes(2).withSecond(0).withNano(0)))
                .put("/patients/" + patient + "/reminder-preferences").then().statusCode(200);
    }

    private static UUID register(String familyName, String email) {
        return UUID.fromString(as(COORDINATOR).body("""
                {"givenName":"Dana","familyName":"%s","birthDate":"1988-04-12","sex":"female","ageGroup":"adult",
                 "email":"%s"}""".formatted(familyName, email)).post("/patients").then().statusCode(201)
                .extract().path("id"));
    }

    private static void announce(UUID patient, Instant startsAt) {
        announce(patient, startsAt, Instant.now());
    }

    private static UUID announce(UUID patient, Instant startsAt, Instant bookedAt) {
        UUID booking = UUID.randomUUID();
        EventRecords.send(EventRecords.of(new SessionUpcoming(booking, patient, UUID.randomUUID(), startsAt,
                bookedAt)));
        return booking;
    }

    /** The status of the reminder of the patient's session at {@code startsAt}; empty while there is none. */
    private String statusOf(UUID patient, Instant startsAt) {
        List<Object> reminder = reminderOf(patient, startsAt);
        return reminder.isEmpty() ? "" : (String) reminder.get(0);
    }

    /** The reminder of the patient's session at {@code startsAt}: status, channel, outcome, send after; or none. */
    private List<Object> reminderOf(UUID patient, Instant startsAt) {
        List<?> rows = Rows.list(entities, "SELECT status, channel, outcome, send_after FROM reminder "
                + "WHERE patient_id = ?1 AND due_at = ?2", patient, startsAt);
        if (rows.isEmpty()) {
            return List.of();
        }
        Object[] row = (Object[]) rows.get(0);
        return java.util.Arrays.asList(row[0], row[1], row[2], row[3] == null ? null : toInstant(row[3]));
    }

    private static Instant toInstant(Object value) {
        return value instanceof Instant instant ? instant : ((java.time.OffsetDateTime) value).toInstant();
    }

    private static List<MimeMessage> mailTo(String address) {
        return SmtpResource.received().stream().filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<PushServiceResource.Received> pushesFor(UUID patient) {
        return PushServiceResource.received().stream().filter(p -> p.body().contains(patient.toString())).toList();
    }

    private static Map<String, String> parts(String signature) {
        return java.util.Arrays.stream(signature.split(",")).map(p -> p.split("=", 2))
                .collect(java.util.stream.Collectors.toMap(p -> p[0], p -> p[1]));
    }

    private static String hmac(String secret, String time, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((time + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).basePath("/api/v1");
    }
}
