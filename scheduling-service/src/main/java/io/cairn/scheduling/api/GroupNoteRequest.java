package io.cairn.scheduling.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** @param content the shared part: what the group did, with no patient's details */
@Schema(name = "GroupNoteRequest", example = """
        {"topic":"Managing cravings at social events","content":"Urge surfing practised in pairs; role-play of refusals",
         "parts":[{"patientId":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10","text":"Shared a recent near-relapse; engaged"}]}""")
public record GroupNoteRequest(@NotBlank @Size(max = 200) String topic, @NotBlank @Size(max = 8000) String content,
        @Size(max = 100) List<@Valid @NotNull Part> parts) {

    public record Part(@NotNull UUID patientId, @NotBlank @Size(max = 8000) String text) {
    }
}
