package io.cairn.scheduling.api;

import io.cairn.scheduling.domain.GroupNotes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** @param parts only the attendee parts the reader may see: a patient sees their own, never another member's */
@Schema(name = "GroupNoteView", example = """
        {"sessionId":"4c5d6e7f-8a9b-4c0d-8e1f-2a3b4c5d6e7f","topic":"Managing cravings at social events",
         "content":"Urge surfing practised in pairs","author":"clinician","writtenAt":"2026-11-30T21:10:00Z",
         "parts":[{"patientId":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10","text":"Shared a recent near-relapse"}]}""")
public record GroupNoteView(UUID sessionId, String topic, String content, String author, Instant writtenAt,
        List<GroupNoteRequest.Part> parts) {

    static GroupNoteView of(GroupNotes.Note note) {
        return new GroupNoteView(note.sessionId(), note.topic(), note.content(), note.author(), note.writtenAt(),
                note.parts().entrySet().stream().map(e -> new GroupNoteRequest.Part(e.getKey(), e.getValue()))
                        .toList());
    }
}
