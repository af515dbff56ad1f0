package io.cairn.intake.domain.reminder;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One reminder to a patient of one thing (a booked session, re-screens due, a check-in): pending until sent, or skipped
 * with the reason.
 */
@Entity
@Table(name = "reminder")
public class Reminder extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "patient_id")
    public UUID patientId;
    @Enumerated(EnumType.STRING)
    public ReminderKind kind;
    /** What it reminds of: the booking, the plan and due date, the check-in. */
    @Column(name = "subject_id")
    public String subjectId;
    /** When what it reminds of happens, or stops being worth a reminder: after that, it is not sent. */
    @Column(name = "due_at")
    public Instant dueAt;
    /** When what it reminds of was booked or announced: an episode that ended between then and {@code dueAt} stops it. */
    @Column(name = "booked_at")
    public Instant bookedAt;
    @Enumerated(EnumType.STRING)
    public ReminderStatus status;
    @Column(name = "send_after")
    public Instant sendAfter;
    public int attempts;
    @Column(name = "last_error")
    public String lastError;
    @Enumerated(EnumType.STRING)
    public ReminderChannel channel;
    /** Why it was skipped. */
    public String outcome;
    @Column(name = "settled_at")
    public Instant settledAt;

    void sent(ReminderChannel through, Instant now) {
        status = ReminderStatus.SENT;
        channel = through;
        settledAt = now;
        lastError = null;
    }

    void skipped(String why, Instant now) {
        status = ReminderStatus.SKIPPED;
        outcome = why;
        settledAt = now;
    }

    /** The channel refused it: tried again after a wait that doubles with each attempt, up to {@code maxWait}. */
    void refused(String why, Instant now, Duration firstWait, Duration maxWait) {
        attempts++;
        lastError = why;
        Duration wait = firstWait.multipliedBy(1L << Math.min(attempts - 1, 20));
        sendAfter = now.plus(wait.compareTo(maxWait) > 0 ? maxWait : wait);
    }
}
