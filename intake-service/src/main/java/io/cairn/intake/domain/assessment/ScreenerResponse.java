package io.cairn.intake.domain.assessment;

import io.cairn.screeners.ScreenerCode;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/** A screener answered item by item: item number → the value of the chosen answer option. */
public record ScreenerResponse(@NotNull ScreenerCode screener, @NotNull Map<Integer, Integer> answers) {
}
