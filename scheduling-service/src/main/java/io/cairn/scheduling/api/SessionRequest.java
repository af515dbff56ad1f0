package io.cairn.scheduling.api;

import io.cairn.contracts.events.SessionKind;
import io.cairn.scheduling.domain.GroupType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** @param patientIds booked at once, e.g. the patient of an individual session */
@Schema(name = "SessionRequest", example = """
        {"kind":"individual","title":"Individual counseling","facilitatorId":"clinician-okafor","capacity":1,
         "telehealthUrl":"https://telehealth.example/rooms/okafor","startsAt":"2026-12-01T15:00:00Z",
         "endsAt":"2026-12-01T15:50:00Z","patientIds":["6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10"]}""")
public record SessionRequest(@NotNull SessionKind kind, GroupType groupType, @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 200) String facilitatorId, @NotNull @Min(1) @Max(100) Integer capacity,
        @Size(max = 300) String location, @TelehealthUrl String telehealthUrl, @NotNull OffsetDateTime startsAt,
        @NotNull OffsetDateTime endsAt, @Size(max = 100) List<@NotNull UUID> patientIds) {
}
