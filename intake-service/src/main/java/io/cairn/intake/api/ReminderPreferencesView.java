package io.cairn.intake.api;

import io.cairn.intake.api.ReminderPreferencesRequest.QuietHoursView;
import io.cairn.intake.domain.reminder.ReminderChannel;
import io.cairn.intake.domain.reminder.ReminderPreferences.Preferences;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the patient is reminded, their own choice or the clinic's default. */
@Schema(name = "ReminderPreferences", example = """
        {"channel":"email","quietHours":{"from":"21:00:00","until":"08:00:00"},"timeZone":"America/Chicago",
         "clinicDefault":false,"version":1}""")
public record ReminderPreferencesView(ReminderChannel channel, QuietHoursView quietHours, String timeZone,
        @Schema(description = "Whether these are the clinic's defaults: the patient has chosen nothing yet") boolean clinicDefault,
        @Schema(description = "Send it back to change them; absent while they are the clinic's defaults") Integer version) {

    static ReminderPreferencesView of(Preferences preferences) {
        return new ReminderPreferencesView(preferences.channel(), preferences.quietHours()
                .map(q -> new QuietHoursView(q.from(), q.until())).orElse(null), preferences.zone().getId(),
                preferences.version().isEmpty(), preferences.version().orElse(null));
    }
}
