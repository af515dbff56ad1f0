package io.cairn.screeners;

/** One answer a screener item offers: the value a client sends and what it means. */
public record AnswerOption(int value, String label) {
}
