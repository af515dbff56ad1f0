package io.cairn.kit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class ListWindowTest {

    private static final LongSupplier NOT_COUNTED = () -> {
        throw new AssertionError("counted although the window's rows tell the total");
    };

    @Test
    void aRequestWithoutPageOrSizeAsksForTheFirstWindowOfTheDefaultSize() {
        assertEquals(new ListWindow.Window(0, ListWindow.DEFAULT_SIZE), ListWindow.window(null, null));
        assertEquals(new ListWindow.Window(3, 20), ListWindow.window(3, 20));
    }

    @Test
    void aWindowThatIsNotFullEndsTheListSoNothingIsCounted() {
        assertEquals(22, new ListWindow.Window(2, 10).of(List.of("a", "b"), NOT_COUNTED).total());
        assertEquals(0, new ListWindow.Window(0, 10).of(List.of(), NOT_COUNTED).total());
    }

    @Test
    void aFullWindowOrAnEmptyOnePastTheFirstIsCounted() {
        assertEquals(57, new ListWindow.Window(0, 2).of(List.of("a", "b"), () -> 57).total());
        assertEquals(12, new ListWindow.Window(3, 10).of(List.of(), () -> 12).total());
    }

    @Test
    void aWindowFarPastAnyTableStartsPastItWithoutOverflowing() {
        ListWindow.Window far = new ListWindow.Window(Integer.MAX_VALUE, ListWindow.MAX_SIZE);

        assertTrue(far.first() > 0);
        assertTrue(far.first() + far.size() - 1 > far.first());
    }

    @Test
    void aPageKeepsItsPlaceWhenItsItemsAreMapped() {
        PageOf<String> page = new PageOf<>(List.of("a", "bb"), 4, 2, 11).map(s -> "x".repeat(s.length()));

        assertEquals(new PageOf<>(List.of("x", "xx"), 4, 2, 11), page);
    }
}
