package io.cairn.intake.api;

import io.cairn.screeners.Screener;
import io.cairn.screeners.ScreenerCode;
import io.cairn.screeners.ScreenerItem;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A screener as published: answer each item with one of its options' values. */
@Schema(name = "ScreenerView", example = """
        {"code":"GAD-7","name":"Generalized Anxiety Disorder-7",
         "instructions":"Over the last 2 weeks, how often have you been bothered by the following problems?",
         "items":[{"number":1,"text":"Feeling nervous, anxious, or on edge",
                   "options":[{"value":0,"label":"Not at all"},{"value":1,"label":"Several days"},
                              {"value":2,"label":"More than half the days"},{"value":3,"label":"Nearly every day"}]}]}""")
public record ScreenerView(ScreenerCode code, String name, String instructions, List<ScreenerItem> items) {

    public static ScreenerView of(Screener screener) {
        return new ScreenerView(screener.code(), screener.name(), screener.instructions(), screener.items());
    }
}
