package io.cairn.kit.events;

import io.cairn.contracts.EventType;
import io.cairn.contracts.events.EventPayload;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What one consumer does with each event type it applies, each type named once: the types it wants are the ones it
 * has an effect for, so a wanted type cannot be left without one, nor an effect wait for a type never wanted.
 */
public final class EventEffects {

    private final Map<EventType, Consumer<IncomingEvent>> effects = new EnumMap<>(EventType.class);

    private EventEffects() {
    }

    public static EventEffects of() {
        return new EventEffects();
    }

    /**
     * The effect of {@code type}, given its data as {@code payload}.
     *
     * @throws IllegalArgumentException when the type's data is not a {@code payload}, or the type has an effect already
     */
    public <T extends EventPayload> EventEffects on(EventType type, Class<T> payload, Consumer<? super T> effect) {
        if (!payload.isAssignableFrom(type.payload())) {
            throw new IllegalArgumentException(type + " carries " + type.payload().getSimpleName() + ", not "
                    + payload.getSimpleName());
        }
        if (effects.putIfAbsent(type, event -> effect.accept(event.data(payload))) != null) {
            throw new IllegalArgumentException(type + " has an effect already");
        }
        return this;
    }

    /** The types this consumer applies; any other on its topics is passed over. */
    public Set<EventType> types() {
        return Collections.unmodifiableSet(effects.keySet());
    }

    void apply(IncomingEvent event) {
        effects.get(event.type()).accept(event);
    }
}
