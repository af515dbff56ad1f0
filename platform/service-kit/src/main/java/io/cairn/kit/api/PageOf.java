package io.cairn.kit.api;

import java.util.List;

/**
 * One page of a list answer.
 *
 * @param page zero-based page number
 * @param total how many items match in all pages
 */
public record PageOf<T>(List<T> items, int page, int size, long total) {
}
