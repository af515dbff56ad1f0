package io.cairn.kit.api;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list answer.
 *
 * @param page zero-based page number
 * @param total how many items match in all pages
 */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    /** The same page with each item turned into something else, such as its view. */
    public <R> PageOf<R> map(Function<? super T, ? extends R> mapper) {
        return new PageOf<>(items.stream().<R> map(mapper).toList(), page, size, total);
    }
}
