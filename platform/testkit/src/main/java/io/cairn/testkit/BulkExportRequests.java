package io.cairn.testkit;

import static io.cairn.testkit.FhirRequests.fhir;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A service's part of a Bulk Data export, called as the gateway calls it: started under an id, polled until complete,
 * each type's NDJSON file read.
 */
public final class BulkExportRequests {

    public static final String NDJSON = "application/fhir+ndjson";
    /** The kick-off the gateway names in each part, echoed in the manifest. */
    public static final String REQUEST = "https://cairn.example/fhir/r4/Patient/$export";

    private BulkExportRequests() {
    }

    /** Starts the caller's export of {@code types} (all when null), changed since {@code since} (when given). */
    public static String start(String token, String types, String since) {
        return start(token, types, since, null);
    }

    /** {@link #start(String, String, String)} of the patients named alone (a Group's members), as the gateway sends. */
    public static String start(String token, String types, String since, List<UUID> patients) {
        String job = UUID.randomUUID().toString();
        var request = fhir(token).queryParam("request", REQUEST);
        if (patients != null) {
            request.contentType("application/json").body(Map.of("patients", patients));
        }
        if (types != null) {
            request.queryParam("_type", types);
        }
        if (since != null) {
            request.queryParam("_since", since);
        }
        request.post("/_export/" + job).then().statusCode(202);
        return job;
    }

    /** The job's status once complete. */
    public static JsonPath awaitComplete(String token, String job) {
        await().atMost(Duration.ofSeconds(20)).until(() -> fhir(token).get("/_export/" + job).statusCode() == 200);
        return fhir(token).get("/_export/" + job).then().statusCode(200).body("status", equalTo("complete"))
                .body("request", equalTo(REQUEST)).extract().jsonPath();
    }

    /** The lines of the job's file of one type. */
    public static List<String> file(String token, String job, String type) {
        String ndjson = fhir(token).accept(NDJSON).get("/_export/" + job + "/" + type).then().statusCode(200)
                .contentType(NDJSON).extract().asString();
        return Arrays.stream(ndjson.split("\n")).filter(line -> !line.isBlank()).toList();
    }

    /** Exports the types and answers one type's lines. */
    public static List<String> exported(String token, String types, String since, String type) {
        String job = start(token, types, since);
        awaitComplete(token, job);
        return file(token, job, type);
    }
}
