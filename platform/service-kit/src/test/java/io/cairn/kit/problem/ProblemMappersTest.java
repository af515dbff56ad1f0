package io.cairn.kit.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemMappersTest {

    static final String VALID_NOTE = """
            {"patientId":"%s","text":"referred by GP","source":"physician","receivedOn":"2026-11-24"}
            """.formatted(UUID.randomUUID());

    @Test
    void aValidRequestPasses() {
        post(VALID_NOTE).statusCode(200).contentType(ContentType.JSON).body("source", equalTo("physician"));
    }

    @Test
    void malformedJsonIs400() {
        problem(post("{\"patientId\": "), 400, "malformed-request")
                .body("detail", startsWith("The request body is not valid JSON"));
    }

    @Test
    void aFieldGivenTwiceIs400NamingIt() {
        problem(post(VALID_NOTE.replaceFirst("\\{", "{\"text\":\"first\",")), 400, "malformed-request")
                .body("detail", endsWith("field 'text' is given twice"));
    }

    @Test
    void validationErrorsName400EachField() {
        problem(post("""
                {"text":"","tags":[{"name":"ok"},{"name":" "}]}"""), 400, "validation")
                .body("violations.field", contains("patientId", "tags[1].name", "text"))
                .body("violations.message", hasItem("must not be null"));
    }

    @Test
    void aMissingBodyIs400() {
        problem(given().contentType(ContentType.JSON).when().post("/test/notes").then(), 400, "validation");
    }

    @Test
    void queryParametersAreValidatedToo() {
        problem(given().queryParam("size", 5000).when().get("/test/notes").then(), 400, "validation")
                .body("violations[0].field", equalTo("size"));
    }

    @Test
    void unreadableParametersAre400NamingThem() {
        problem(given().when().get("/test/notes/not-a-uuid").then(), 400, "validation")
                .body("violations[0].field", equalTo("id"))
                .body("violations[0].message", equalTo("must be a UUID"));
        problem(given().queryParam("size", "ten").when().get("/test/notes").then(), 400, "validation")
                .body("violations[0].field", equalTo("size"));
        problem(given().queryParam("receivedOn", "24/11/2026").when().get("/test/notes").then(), 400, "validation")
                .body("violations[0].field", equalTo("receivedOn"));
        problem(given().queryParam("source", "SELF").when().get("/test/notes").then(), 400, "validation")
                .body("violations[0].field", equalTo("source"))
                .body("violations[0].message", startsWith("must be one of: self, family"));
    }

    @Test
    void enumParametersUseTheirJsonNames() {
        given().queryParam("source", "hospital-step-down").when().get("/test/notes").then().statusCode(200)
                .body("[0].source", equalTo("hospital-step-down"));
    }

    @Test
    void textWithTheNulCharacterIs400NamingTheField() {
        problem(post(VALID_NOTE.replace("referred by GP", "referred\\u0000by GP")), 400, "validation")
                .body("violations[0].field", equalTo("text"))
                .body("violations[0].message", equalTo("must not contain the NUL character"));
        problem(given().queryParam("source", "self\u0000").when().get("/test/notes").then(), 400, "validation")
                .body("violations[0].field", equalTo("source"))
                .body("violations[0].message", equalTo("must not contain the NUL character"));
    }

    @Test
    void datesAreIsoStringsInTheClinicsCalendar() {
        for (String date : List.of("20000", "\"+99999-01-01\"", "\"2026-02-30\"", "\"1066-10-14\"", "true")) {
            problem(post(VALID_NOTE.replace("\"2026-11-24\"", date)), 400, "validation")
                    .body("violations[0].field", equalTo("receivedOn"))
                    .body("violations[0].message", startsWith("must be a date (YYYY-MM-DD) between 1900 and 2200"));
        }
    }

    @Test
    void anUnknownFieldIs400NamingIt() {
        problem(post(VALID_NOTE.replace("}", ",\"diagnosis\":\"F10.20\"}")), 400, "validation")
                .body("violations[0].field", equalTo("diagnosis"))
                .body("violations[0].message", equalTo("is not a known field"));
    }

    @Test
    void anUnknownEnumValueIs400ListingTheAllowedOnes() {
        problem(post(VALID_NOTE.replace("physician", "neighbour")), 400, "validation")
                .body("violations[0].field", equalTo("source"))
                .body("violations[0].message", allOf(startsWith("must be one of: "), containsString("hospital-step-down")));
    }

    @Test
    void aValueOfTheWrongTypeIs400WithoutJavaTypeNames() {
        problem(post(VALID_NOTE.replace("2026-11-24", "next tuesday")), 400, "validation")
                .body("violations[0].field", equalTo("receivedOn"))
                .body("violations[0].message", equalTo("must be a date (YYYY-MM-DD) between 1900 and 2200"))
                .body(not(containsString("java.")));
    }

    @Test
    void notFoundIs404() {
        UUID id = UUID.randomUUID();
        problem(given().when().get("/test/notes/" + id).then(), 404, "not-found")
                .body("detail", equalTo("Nothing with id " + id + " was found"))
                .body("instance", equalTo("/test/notes/" + id));
    }

    @Test
    void anUnknownPathIs404() {
        problem(given().when().get("/test/no-such-thing").then(), 404, "not-found");
    }

    @Test
    void conflictIs409() {
        problem(given().contentType(ContentType.JSON).body(VALID_NOTE).when().put("/test/notes/" + UUID.randomUUID())
                .then(), 409, "conflict");
    }

    @Test
    void wrongMediaTypeIs415() {
        problem(given().contentType(ContentType.XML).body("<note/>").when().post("/test/notes").then(), 415,
                "unsupported-media-type");
    }

    @Test
    void wrongMethodIs405() {
        problem(given().when().delete("/test/notes").then(), 405, "method-not-allowed");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String huge = VALID_NOTE.replace("referred by GP", "x".repeat(8_000));
        problem(post(huge), 413, "payload-too-large");
    }

    @Test
    void anUnexpectedFailureIs500AndLeaksNothing() {
        problem(given().when().get("/test/boom").then(), 500, "internal-error")
                .body(not(containsString("secret_table")))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("org.postgresql")))
                .body("detail", containsString("reference"));
    }

    private static ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/test/notes").then();
    }

    static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", equalTo("https://cairn.io/problems/" + type))
                .body("title", not(equalTo(null)))
                .body("detail", not(equalTo(null)))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }
}
