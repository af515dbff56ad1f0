package io.cairn.intake.domain.reminder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.intake.domain.Patient;
import io.cairn.intake.domain.reminder.ReminderPreferences.Preferences;
import io.cairn.intake.notify.NotificationSignature;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Sends the reminders that are due, oldest first, each in a short transaction that locks it, so that two replicas
 * never send one twice. Before sending it checks again what may have changed since it was queued: what it reminds of
 * has begun, the episode ended before it, the patient chose no reminders or is in their quiet hours (it waits for
 * their end, unless that is too late). A reminder the mail server or push service refused waits longer after each
 * attempt; the rest of the run passes that channel over, and goes on with the other. Settled reminders are forgotten
 * after {@code intake.reminders.keep-settled}.
 */
@ApplicationScoped
public class ReminderSender {

    private static final Logger LOG = Logger.getLogger(ReminderSender.class);
    private static final int BATCH = 100;
    /**
     * The mail client gives up after {@code quarkus.mailer.timeout} (the same as the send timeout); waiting a little
     * longer means a mail the server took late is not counted as refused and sent again.
     */
    private static final java.time.Duration MAIL_MARGIN = java.time.Duration.ofSeconds(5);
    private static final String OLDEST_DUE = """
            SELECT * FROM reminder WHERE status = 'PENDING' AND send_after <= ?1
            ORDER BY send_after, id LIMIT 1 FOR UPDATE SKIP LOCKED
            """;

    private final EntityManager entities;
    private final ReminderPreferences preferences;
    private final ReminderSettings settings;
    private final ReactiveMailer mailer;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;

    ReminderSender(EntityManager entities, ReminderPreferences preferences, ReminderSettings settings,
            ReactiveMailer mailer, ObjectMapper json, Clock clock) {
        this.entities = entities;
        this.preferences = preferences;
        this.settings = settings;
        this.mailer = mailer;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.sendTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(every = "{intake.reminders.send-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            LOG.warnf("Reminders wait for the next run: %s", e.getMessage());
        }
        try {
            forgetSettled(clock.instant().minus(settings.keepSettled()));
        } catch (RuntimeException e) {
            LOG.warnf("Settled reminders are forgotten at the next run: %s", e.getMessage());
        }
    }

    /** Forgets reminders settled before {@code before}, a few hundred to a transaction. */
    void forgetSettled(Instant before) {
        while (QuarkusTransaction.requiringNew().call(() -> entities.createNativeQuery("DELETE FROM reminder "
                + "WHERE id IN (SELECT id FROM reminder WHERE status <> 'PENDING' AND settled_at < ?1 LIMIT 500)")
                .setParameter(1, before).executeUpdate()) == 500) {
            // The next batch.
        }
    }

    /** @return how many reminders were looked at (sent, skipped, postponed) */
    public int sendDue() {
        Set<ReminderChannel> refusing = EnumSet.noneOf(ReminderChannel.class);
        int settled = 0;
        while (settled < BATCH && QuarkusTransaction.requiringNew().call(() -> settleOldest(refusing))) {
            settled++;
        }
        return settled;
    }

    /**
     * @param refusing the channels that refused a reminder in this run: the others due by them wait for the next
     * @return whether the run goes on: false when nothing is due
     */
    private boolean settleOldest(Set<ReminderChannel> refusing) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Reminder> oldest = entities.createNativeQuery(OLDEST_DUE, Reminder.class).setParameter(1, now)
                .getResultList();
        if (oldest.isEmpty()) {
            return false;
        }
        Reminder reminder = oldest.get(0);
        if (!reminder.dueAt.isAfter(now)) {
            reminder.skipped("it had begun before the reminder could be sent", now);
            return true;
        }
        if (episodeEndedBefore(reminder)) {
            reminder.skipped(Reminders.EPISODE_ENDED, now);
            return true;
        }
        Preferences chosen = preferences.of(reminder.patientId);
        Optional<Instant> quietUntil = chosen.quietHours().flatMap(quiet -> quiet.quietUntil(now));
        if (quietUntil.isPresent()) {
            if (quietUntil.get().isBefore(reminder.dueAt)) {
                // Never in the past, even where a clock change blurs the window's end: it would be picked again at once.
                Instant later = now.plusSeconds(1);
                reminder.sendAfter = quietUntil.get().isAfter(later) ? quietUntil.get() : later;
            } else {
                reminder.skipped("the patient's quiet hours last until it begins", now);
            }
            return true;
        }
        Optional<String> skip = reasonToSkip(reminder, chosen.channel());
        if (skip.isPresent()) {
            reminder.skipped(skip.get(), now);
            return true;
        }
        if (refusing.contains(chosen.channel())) {
            reminder.sendAfter = now.plus(settings.firstRetry());
            return true;
        }
        ReminderMessage message = ReminderMessage.of(reminder, chosen.zone());
        Optional<String> refusal = chosen.channel() == ReminderChannel.EMAIL ? mail(reminder, message)
                : push(reminder, message, now);
        if (refusal.isPresent()) {
            LOG.warnf("Reminder %d was not sent by %s, and will be tried again: %s", reminder.id, chosen.channel(),
                    refusal.get());
            reminder.refused(refusal.get(), now, settings.firstRetry(), settings.maxRetryWait());
            refusing.add(chosen.channel());
            return true;
        }
        reminder.sent(chosen.channel(), now);
        return true;
    }

    private Optional<String> reasonToSkip(Reminder reminder, ReminderChannel channel) {
        return switch (channel) {
            case NONE -> Optional.of("the patient chose no reminders");
            case EMAIL -> emailOf(reminder).isEmpty() ? Optional.of("the patient has no e-mail address")
                    : Optional.empty();
            case PUSH -> pushConfigured(settings) ? Optional.empty()
                    : Optional.of("the clinic has no push service configured");
        };
    }

    /** A push service is configured with its key, over https (plain http only on this machine, for a local run). */
    static boolean pushConfigured(ReminderSettings settings) {
        return settings.push().secret().isPresent() && settings.push().url().filter(url -> "https".equals(
                url.getScheme()) || "http".equals(url.getScheme()) && isLoopback(url.getHost())).isPresent();
    }

    private static boolean isLoopback(String host) {
        return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
    }

    private boolean episodeEndedBefore(Reminder reminder) {
        return ((Number) entities.createNativeQuery("SELECT count(*) FROM reminder r WHERE r.id = ?1 AND "
                + Reminders.ENDED_BETWEEN.formatted("r")).setParameter(1, reminder.id).getSingleResult())
                .longValue() > 0;
    }

    private Optional<String> emailOf(Reminder reminder) {
        Patient patient = Patient.findById(reminder.patientId);
        return Optional.ofNullable(patient).map(p -> p.email).filter(email -> !email.isBlank());
    }

    private Optional<String> mail(Reminder reminder, ReminderMessage message) {
        try {
            mailer.send(Mail.withText(emailOf(reminder).orElseThrow(), message.title(), message.text())
                    .setFrom(settings.from())).await().atMost(settings.sendTimeout().plus(MAIL_MARGIN));
            return Optional.empty();
        } catch (RuntimeException e) {
            // Only the kind of failure: the server's own text would name the patient's address.
            return Optional.of("the mail server did not take it: " + e.getClass().getSimpleName());
        }
    }

    /**
     * POSTs the reminder to the push service, signed as intake signs its FHIR notifications: the service finds the
     * patient's devices by the patient's id, and may see a reminder again after a failed commit (its reminderId is the
     * same).
     */
    private Optional<String> push(Reminder reminder, ReminderMessage message, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reminderId", reminder.id);
        body.put("patientId", reminder.patientId);
        // No kind, and a time only for a session: what else is reminded of would tell the push service about care.
        if (reminder.kind == ReminderKind.SESSION) {
            body.put("at", reminder.dueAt.toString());
        }
        body.put("title", message.title());
        body.put("text", message.text());
        try {
            byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            URI url = settings.push().url().orElseThrow();
            HttpRequest request = HttpRequest.newBuilder(url).timeout(settings.sendTimeout())
                    .header("Content-Type", "application/json")
                    .header(NotificationSignature.HEADER, NotificationSignature.of(settings.push().secret()
                            .orElseThrow(), now.getEpochSecond(), bytes))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? Optional.empty()
                    : Optional.of("the push service answered " + response.statusCode());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A reminder is always JSON", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Stopping while sending", e);
        } catch (IOException e) {
            return Optional.of("the push service could not be reached: " + e.getClass().getSimpleName());
        }
    }
}
