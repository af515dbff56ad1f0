package io.cairn.screeners;

import java.util.List;

/** One question of a screener with the answers it accepts. */
public record ScreenerItem(int number, String text, List<AnswerOption> options) {

    boolean accepts(int value) {
        return options.stream().anyMatch(option -> option.value() == value);
    }
}
