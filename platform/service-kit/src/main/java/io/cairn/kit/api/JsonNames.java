package io.cairn.kit.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The name an enum constant has in JSON: its {@code @JsonProperty} value, or its Java name. */
public final class JsonNames {

    private JsonNames() {
    }

    public static String of(Enum<?> constant) {
        try {
            JsonProperty property = constant.getDeclaringClass().getField(constant.name())
                    .getAnnotation(JsonProperty.class);
            return property != null ? property.value() : constant.name();
        } catch (NoSuchFieldException e) {
            return constant.name();
        }
    }
}
