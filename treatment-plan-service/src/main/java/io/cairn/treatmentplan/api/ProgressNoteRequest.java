package io.cairn.treatmentplan.api;

import io.cairn.treatmentplan.domain.ObjectiveStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProgressNoteRequest", example = """
        {"objectiveId":"7a1f2b3c-4d5e-6f70-8192-a3b4c5d6e7f8","status":"progressing",
         "note":"Two weeks abstinent; used the urge-surfing skill at a family party"}""")
public record ProgressNoteRequest(@NotNull UUID objectiveId, @NotNull ObjectiveStatus status,
        @NotBlank @Size(max = 4000) String note) {
}
