package io.cairn.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.cairn.kit.problem.Problem;
import io.cairn.fhir.validation.FhirValidation;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.junit.jupiter.api.Test;

class OperationOutcomesTest {

    @Test
    void aProblemBecomesAValidOutcomeWithAnIssuePerViolation() {
        Problem problem = Problem.of("validation", "Bad Request", 400, "The request has invalid values", "/fhir/r4/Patient")
                .withViolations(List.of(new Problem.Violation("Patient.birthDate", "must not be null"),
                        new Problem.Violation("Patient.gender", "must not be null")));

        OperationOutcome outcome = OperationOutcomes.of(problem);

        assertEquals(3, outcome.getIssue().size());
        assertEquals(IssueType.INVALID, outcome.getIssueFirstRep().getCode());
        assertEquals("Patient.gender", outcome.getIssue().get(2).getExpression().get(0).getValue());
        FhirValidation.assertValid(Fhir.context().newJsonParser().encodeResourceToString(outcome));
    }

    @Test
    void eachStatusHasTheIssueTypeFhirNamesForIt() {
        assertEquals(IssueType.LOGIN, OperationOutcomes.typeOf(401));
        assertEquals(IssueType.FORBIDDEN, OperationOutcomes.typeOf(403));
        assertEquals(IssueType.NOTFOUND, OperationOutcomes.typeOf(404));
        assertEquals(IssueType.CONFLICT, OperationOutcomes.typeOf(409));
        assertEquals(IssueType.TOOLONG, OperationOutcomes.typeOf(413));
        assertEquals(IssueType.THROTTLED, OperationOutcomes.typeOf(429));
        assertEquals(IssueType.TRANSIENT, OperationOutcomes.typeOf(503));
        assertEquals(IssueType.EXCEPTION, OperationOutcomes.typeOf(500));
    }

    @Test
    void theValidatorTheTestsTrustFindsWhatIsWrong() {
        // A code outside the required binding and an element R4 does not have: both must be reported.
        assertFalse(FhirValidation.errors("""
                {"resourceType":"Patient","gender":"robot","birthDate":"1988-13-40"}""").isEmpty());
        assertEquals(List.of(), FhirValidation.errors("""
                {"resourceType":"Patient","gender":"female","birthDate":"1988-04-12"}"""));
    }

    @Test
    void hapiMessagesReachTheClientWithoutInternalCodesOrClassNames() {
        assertEquals("Failed to parse JSON encoded FHIR content: Unexpected end-of-input",
                FhirBodies.withoutCode("HAPI-1861: Failed to parse JSON encoded FHIR content: Unexpected "
                        + "end-of-input\n at [Source: (InputStreamReader); line: 1, column: 26]"));
    }
}
