package io.cairn.scheduling.api;

import io.cairn.contracts.events.AttendanceMode;
import io.cairn.contracts.events.AttendanceStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Attendance of one session: one record per patient, or the whole group in one request. */
@Schema(name = "AttendanceRequest", example = """
        {"sessionId":"4c5d6e7f-8a9b-4c0d-8e1f-2a3b4c5d6e7f","records":[
          {"patientId":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10","status":"present","minutesAttended":180},
          {"patientId":"7a2d0c2f-3b5c-4e9f-0b62-1d9f4f8e3c21","status":"left-early","minutesAttended":95,
           "mode":"telehealth"},
          {"patientId":"8b3e1d30-4c6d-4fa0-1c73-2e0a5a9f4d32","status":"absent","minutesAttended":0}]}""")
public record AttendanceRequest(@NotNull UUID sessionId, @NotEmpty @Size(max = 100) List<@Valid @NotNull Mark> records) {

    public record Mark(@NotNull UUID patientId, @NotNull AttendanceStatus status,
            @NotNull @Min(0) @Max(1440) Integer minutesAttended,
            @Schema(description = "How the patient attended; in-person when not given. A telehealth day is billed with the payer's telehealth place of service and modifier") AttendanceMode mode) {
    }
}
