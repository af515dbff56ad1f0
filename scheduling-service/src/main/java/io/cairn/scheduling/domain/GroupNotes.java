package io.cairn.scheduling.domain;

import io.cairn.contracts.events.RecordCategory;
import io.cairn.contracts.events.SessionKind;
import io.cairn.kit.audit.AuditEntry;
import io.cairn.kit.audit.AuditLog;
import io.cairn.kit.audit.AuditOutcome;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.problem.PreconditionFailedException;
import io.cairn.kit.problem.ResourceNotFoundException;
import io.cairn.kit.security.Caller;
import io.cairn.kit.security.PatientAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Group session notes: a shared part everyone in the group may read, and one part per attendee that only that
 * attendee (and staff) may read. A reader gets the shared part and exactly the attendee parts it may see.
 */
@ApplicationScoped
public class GroupNotes {

    /**
     * What a group note is, under Part 2: a clinical note of the session, as a progress note is (treatment-plans),
     * not the attendance it follows (docs/record-categories.md). An EHR reads a member's part, and the shared part
     * with it, only under a consent for treatment plans.
     */
    public static final RecordCategory CATEGORY = RecordCategory.TREATMENT_PLANS;

    /** @param version the note's version, its ETag: a write based on another is refused */
    public record Note(UUID sessionId, String topic, String content, String author, Instant writtenAt,
            Map<UUID, String> parts, int version) {
    }

    private final Sessions sessions;
    private final PatientAccess access;
    private final Caller caller;
    private final AuditLog audit;

    GroupNotes(Sessions sessions, PatientAccess access, Caller caller, AuditLog audit) {
        this.sessions = sessions;
        this.access = access;
        this.caller = caller;
        this.audit = audit;
    }

    /**
     * Writes the note: its shared part and each attendee's, replacing what was there. Parts that did not change are
     * left as they were; parts not sent are removed.
     *
     * @param ifMatch the version the writer read ({@code If-Match}), when sent: 412 when the note moved on since, so
     *        that a stale copy cannot silently remove another clinician's parts
     */
    @Transactional
    public Note write(UUID sessionId, Integer ifMatch, String topic, String content, Map<UUID, String> parts) {
        Session session = sessions.find(sessionId);
        if (session.kind != SessionKind.GROUP) {
            throw new InvalidRequestException("sessionId", "is not a group session");
        }
        for (UUID patient : parts.keySet()) {
            if (!Bookings.isInSession(sessionId, patient)) {
                throw new InvalidRequestException("parts", "patient " + patient + " is not in this session");
            }
        }
        GroupNote note = GroupNote.findById(sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (ifMatch != null && (note == null || note.version != ifMatch)) {
            throw new PreconditionFailedException(note == null ? "The session has no note yet; write it without If-Match"
                    : "The note has changed since ETag \"" + ifMatch + "\"; it is now \"" + note.version + "\"");
        }
        if (note == null) {
            note = new GroupNote();
            note.sessionId = sessionId;
        }
        note.topic = topic.strip();
        note.content = content.strip();
        note.author = caller.name();
        note.writtenAt = Instant.now();
        note.persist();
        Map<UUID, GroupNotePart> kept = new java.util.HashMap<>();
        GroupNotePart.<GroupNotePart> list("sessionId", sessionId).forEach(part -> kept.put(part.patientId, part));
        kept.values().stream().filter(part -> !parts.containsKey(part.patientId)).forEach(part -> {
            part.delete();
            access.wrote("remove", "group-note-part", sessionId, part.patientId);
        });
        parts.forEach((patient, text) -> {
            GroupNotePart part = kept.get(patient);
            if (part != null && part.text.equals(text.strip())) {
                return;
            }
            if (part == null) {
                part = new GroupNotePart();
                part.sessionId = sessionId;
                part.patientId = patient;
            }
            part.text = text.strip();
            part.persist();
            access.wrote("write", "group-note-part", sessionId, patient);
        });
        GroupNote.flush();
        return read(sessionId);
    }

    /** The note as this caller may see it; 404 when it may see no part of it. */
    @Transactional
    public Note read(UUID sessionId) {
        GroupNote note = GroupNote.findById(sessionId);
        if (note == null) {
            throw new ResourceNotFoundException("Group note of session", sessionId);
        }
        Map<UUID, String> visible = new java.util.LinkedHashMap<>();
        for (GroupNotePart part : GroupNotePart.<GroupNotePart> list("sessionId", sessionId)) {
            if (access.mayRead(part.patientId, CATEGORY)) {
                access.read(CATEGORY, "group-note-part", sessionId, part.patientId);
                visible.put(part.patientId, part.text);
            }
        }
        boolean member = caller.ownPatientId().map(own -> Bookings.isInSession(sessionId, own)).orElse(false);
        if (!caller.isStaff() && visible.isEmpty() && !member) {
            audit.record(new AuditEntry("read", "group-note", sessionId.toString(), null, AuditOutcome.DENIED));
            throw new ResourceNotFoundException("Group note of session", sessionId);
        }
        return new Note(sessionId, note.topic, note.content, note.author, note.writtenAt, visible, note.version);
    }
}
