package io.cairn.intake.api;

import io.cairn.intake.domain.screening.Screener;
import io.cairn.intake.domain.screening.ScreenerCode;
import io.cairn.intake.domain.screening.ScreenerItem;
import java.util.List;

/** A screener as published: answer each item with one of its options' values. */
public record ScreenerView(ScreenerCode code, String name, String instructions, List<ScreenerItem> items) {

    public static ScreenerView of(Screener screener) {
        return new ScreenerView(screener.code(), screener.name(), screener.instructions(), screener.items());
    }
}
