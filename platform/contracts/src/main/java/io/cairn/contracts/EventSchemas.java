package io.cairn.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schemas of every event type, loaded once. Consumers check what they receive; producers check what they
 * publish in tests and dev mode (where every producer's path runs), so a record and its schema cannot drift apart
 * unnoticed.
 */
public final class EventSchemas {

    private static final EventSchemas INSTANCE = new EventSchemas();

    private final Map<EventType, JsonSchema> strict = new EnumMap<>(EventType.class);
    private final Map<EventType, JsonSchema> tolerant = new EnumMap<>(EventType.class);

    private EventSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        ObjectMapper json = new ObjectMapper();
        for (EventType type : EventType.values()) {
            try (InputStream in = EventSchemas.class.getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("No JSON Schema for " + type.type());
                }
                JsonNode schema = json.readTree(in);
                strict.put(type, factory.getSchema(schema, config));
                tolerant.put(type, factory.getSchema(allowingAdditions(schema.deepCopy()), config));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static EventSchemas instance() {
        return INSTANCE;
    }

    /** What is wrong with {@code data} as the data of a {@code type} event; empty when it is valid. For producers. */
    public List<String> violations(EventType type, JsonNode data) {
        return messages(strict.get(type), data);
    }

    /**
     * What makes {@code data} unusable as a {@code type} event, ignoring fields the schema does not know: for
     * consumers, so that a producer may add an optional field before every consumer is upgraded.
     */
    public List<String> incompatibilities(EventType type, JsonNode data) {
        return messages(tolerant.get(type), data);
    }

    private static List<String> messages(JsonSchema schema, JsonNode data) {
        return schema.validate(data).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /**
     * The schema as a consumer checks it: a newer producer may add fields, and values to an enum. Whether a consumer
     * can use a value it does not know is for its contract record to say (a consent's unknown status is not active);
     * one that cannot parks the event when it reads it.
     */
    private static JsonNode allowingAdditions(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            object.remove("additionalProperties");
            object.remove("enum");
            object.forEach(EventSchemas::allowingAdditions);
        } else if (schema.isArray()) {
            schema.forEach(EventSchemas::allowingAdditions);
        }
        return schema;
    }
}
