package io.cairn.scheduling.api;

import io.cairn.contracts.events.Population;
import io.cairn.contracts.events.PreferredSchedule;
import io.cairn.scheduling.domain.Track;
import io.cairn.scheduling.domain.TrackBlock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TrackView", example = """
        {"id":"8b1e2c3d-4f5a-4b6c-9d7e-8f9a0b1c2d3e","name":"Evening adult track","scheduleType":"evening",
         "ageGroup":"adult","capacity":12,"weeklyHours":9.0,"facilitatorId":"clinician-okafor",
         "location":"Room 2, 14 Main St","telehealthUrl":null,
         "blocks":[{"day":"MONDAY","start":"18:00","end":"21:00","groupType":"process-group","title":"Process group"}],
         "activeFrom":"2026-11-01","activeUntil":null}""")
public record TrackView(UUID id, String name, PreferredSchedule scheduleType, Population ageGroup, int capacity,
        BigDecimal weeklyHours, String facilitatorId,
        @Schema(nullable = true, description = "Where its sessions take place; null when not given") String location,
        @Schema(nullable = true, description = "The telehealth room of its sessions; null when not given") String telehealthUrl,
        List<TrackBlock> blocks, LocalDate activeFrom,
        @Schema(nullable = true, description = "The last day the track runs; null while it is open-ended") LocalDate activeUntil) {

    static TrackView of(Track t) {
        return new TrackView(t.id, t.name, t.scheduleType, t.ageGroup, t.capacity, t.weeklyHours(), t.facilitatorId,
                t.location, t.telehealthUrl, t.blocks, t.activeFrom, t.activeUntil);
    }
}
