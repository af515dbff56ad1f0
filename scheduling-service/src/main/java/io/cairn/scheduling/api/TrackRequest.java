package io.cairn.scheduling.api;

import io.cairn.contracts.events.Population;
import io.cairn.contracts.events.PreferredSchedule;
import io.cairn.scheduling.domain.TrackBlock;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TrackRequest", example = """
        {"name":"Evening adult track","scheduleType":"evening","ageGroup":"adult","capacity":12,
         "facilitatorId":"clinician-okafor","location":"Room 2, 14 Main St","activeFrom":"2026-11-01",
         "blocks":[{"day":"MONDAY","start":"18:00","end":"21:00","groupType":"process-group","title":"Process group"},
                   {"day":"WEDNESDAY","start":"18:00","end":"21:00","groupType":"cbt-skills","title":"CBT skills"},
                   {"day":"THURSDAY","start":"18:00","end":"21:00","groupType":"relapse-prevention",
                    "title":"Relapse prevention"}]}""")
public record TrackRequest(@NotBlank @Size(max = 200) String name, @NotNull PreferredSchedule scheduleType,
        @NotNull Population ageGroup, @NotEmpty @Size(max = 14) List<@Valid @NotNull TrackBlock> blocks,
        @NotNull @Min(1) @Max(100) Integer capacity, @NotBlank @Size(max = 200) String facilitatorId,
        @Size(max = 300) String location, @TelehealthUrl String telehealthUrl, @NotNull LocalDate activeFrom,
        LocalDate activeUntil) {
}
