package io.cairn.treatmentplan.api;

import io.cairn.treatmentplan.domain.ObjectiveStatus;
import io.cairn.treatmentplan.domain.ProgressNote;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProgressNoteView", example = """
        {"id":"c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f","objectiveId":"7a1f2b3c-4d5e-6f70-8192-a3b4c5d6e7f8",
         "status":"progressing","note":"Two weeks abstinent","author":"clinician","writtenAt":"2026-12-08T16:00:00Z"}""")
public record ProgressNoteView(UUID id, UUID objectiveId, ObjectiveStatus status, String note, String author,
        Instant writtenAt) {

    public static ProgressNoteView of(ProgressNote n) {
        return new ProgressNoteView(n.id, n.objectiveId, n.status, n.note, n.author, n.writtenAt);
    }
}
