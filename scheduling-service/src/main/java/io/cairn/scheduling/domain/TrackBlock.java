package io.cairn.scheduling.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;

/** One weekly time block of a track: a group session every {@code day} from {@code start} to {@code end}. */
public record TrackBlock(@NotNull DayOfWeek day, @NotNull LocalTime start, @NotNull LocalTime end,
        @NotNull GroupType groupType, @NotBlank @Size(max = 200) String title) {

    public long minutes() {
        return Duration.between(start, end).toMinutes();
    }
}
