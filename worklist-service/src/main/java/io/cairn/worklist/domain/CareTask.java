package io.cairn.worklist.domain;

import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;
import io.cairn.kit.api.JsonNames;
import io.cairn.kit.problem.ConflictException;
import io.cairn.kit.problem.InvalidRequestException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.OptimisticLock;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One piece of work for the care team, about one patient. Events open it and may close it; a person claims,
 * reassigns and completes it. Its methods keep its rules: nothing changes a closed task.
 */
@Entity
@Table(name = "care_task")
public class CareTask extends PanacheEntityBase {

    @Id
    public UUID id;
    /** When the row last changed: stamped by the database on every write (its FHIR view's meta.lastUpdated). */
    @Generated(event = { EventType.INSERT, EventType.UPDATE })
    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;
    @Enumerated(EnumType.STRING)
    public TaskKind kind;
    @Enumerated(EnumType.STRING)
    public TaskPriority priority;
    /** The priority as a number the list sorts by, urgent first. */
    @Column(name = "priority_rank")
    public short priorityRank;
    @Enumerated(EnumType.STRING)
    public TaskStatus status;
    @Column(name = "patient_id")
    public UUID patientId;
    public String role;
    public String title;
    public String subject;
    public String about;
    public String assignee;
    @Column(name = "opens_at")
    public Instant opensAt;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "claimed_at")
    public Instant claimedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "closed_by")
    public String closedBy;
    @Enumerated(EnumType.STRING)
    public TaskOutcome outcome;
    @Column(name = "outcome_note")
    public String outcomeNote;
    /** Not a change a person made: it must not turn a claim sent with the version just read into a 409. */
    @Column(name = "escalated_at")
    @OptimisticLock(excluded = true)
    public Instant escalatedAt;
    @Column(name = "escalation_of")
    public UUID escalationOf;
    @Version
    public int version;

    /** A new open task; {@code opensAt} is when it joins the list. */
    public static CareTask open(TaskKind kind, TaskPriority priority, UUID patientId, String role, String title,
            String subject, String about, Instant opensAt, Instant dueAt, Instant now) {
        CareTask task = new CareTask();
        task.id = UUID.randomUUID();
        task.kind = kind;
        task.priority = priority;
        task.priorityRank = (short) priority.ordinal();
        task.status = TaskStatus.OPEN;
        task.patientId = patientId;
        task.role = role;
        task.title = title;
        task.subject = subject;
        task.about = about;
        task.opensAt = opensAt;
        task.dueAt = dueAt;
        task.createdAt = now;
        return task;
    }

    /** The caller takes the task on; claiming one's own claim again changes nothing. */
    public void claim(String by, Instant at) {
        requireOpen();
        if (status == TaskStatus.CLAIMED && !by.equals(assignee)) {
            throw new ConflictException("Task " + id + " is claimed by " + assignee + "; ask them, or reassign it");
        }
        if (status == TaskStatus.OPEN) {
            claimedAt = at;
        }
        status = TaskStatus.CLAIMED;
        assignee = by;
    }

    /** Hands the task to someone else; with no one named it goes back to the role's list. */
    public void assign(String to, Instant at) {
        requireOpen();
        if (to == null) {
            status = TaskStatus.OPEN;
            assignee = null;
            claimedAt = null;
        } else {
            status = TaskStatus.CLAIMED;
            assignee = to;
            claimedAt = at;
        }
    }

    /** A person closes the task with what came of it. */
    public void complete(String by, TaskOutcome outcome, String note, Instant at) {
        requireOpen();
        if (!TaskOutcome.allowedFor(kind).contains(outcome)) {
            throw new InvalidRequestException("outcome", "must be one of " + TaskOutcome.allowedFor(kind).stream()
                    .map(JsonNames::of).sorted().collect(Collectors.joining(", ")) + " for a " + JsonNames.of(kind)
                    + " task");
        }
        close(TaskStatus.COMPLETED, by, outcome, note, at);
    }

    /** The work was done where it lives; the event that says so closes the task. */
    public void resolve(String by, Instant at) {
        close(TaskStatus.RESOLVED, by, TaskOutcome.WORK_RECORDED, null, at);
    }

    private void close(TaskStatus closedAs, String by, TaskOutcome outcome, String note, Instant at) {
        status = closedAs;
        closedBy = by;
        closedAt = at;
        this.outcome = outcome;
        outcomeNote = note;
    }

    private void requireOpen() {
        if (status.isClosed()) {
            throw new ConflictException("Task " + id + " is " + JsonNames.of(status) + " and can no longer change");
        }
    }
}
