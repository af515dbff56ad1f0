package io.cairn.intake.api;

import io.cairn.intake.domain.reminder.ReminderChannel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the patient wants to be reminded. */
@Schema(name = "ReminderPreferencesRequest", example = """
        {"channel":"email","quietHours":{"from":"21:00","until":"08:00"},"timeZone":"America/Chicago","version":0}""")
public record ReminderPreferencesRequest(
        @NotNull @Schema(description = "email, push (the mobile app's notifications) or none") ReminderChannel channel,
        @Valid @Schema(description = "No reminder reaches the patient in these hours; leave out for none") QuietHoursView quietHours,
        @Size(max = 64) @Schema(description = "The patient's IANA time zone, e.g. America/Chicago; the clinic's when left out", example = "America/Chicago") String timeZone,
        @Schema(description = "The version last read; required once the patient has preferences of their own") Integer version) {

    /** A daily window in the patient's time zone; it may run past midnight. */
    @Schema(name = "QuietHours")
    public record QuietHoursView(
            @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "partial-time", example = "21:00") LocalTime from,
            @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "partial-time", example = "08:00") LocalTime until) {
    }
}
