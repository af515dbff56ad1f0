package io.cairn.fhir.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * Validates FHIR JSON as HAPI's instance validator does against the R4 base profiles, offline: code systems it does
 * not have (LOINC) are warnings, not errors. Built once per test JVM: loading the profiles takes seconds.
 */
public final class FhirValidation {

    private static final FhirValidator VALIDATOR = validator();

    private FhirValidation() {
    }

    /** The errors and fatal issues of the resource, each with where it is; empty when it is valid R4. */
    public static List<String> errors(String json) {
        return VALIDATOR.validateWithResult(json).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR
                        || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(FhirValidation::describe).toList();
    }

    /** Fails the test, listing every error, unless the resource is valid R4. */
    public static String assertValid(String json) {
        assertEquals(List.of(), errors(json), () -> "not valid FHIR R4: " + json);
        return json;
    }

    /**
     * {@link #assertValid} of the resource without the implementation guides' profiles it claims (the Subscriptions
     * Backport IG's), whose packages are not on this machine: the R4 base is checked, and the guide's shape is the
     * test's to assert element by element.
     */
    public static String assertValidR4Base(String json) {
        var parser = FhirContext.forR4Cached().newJsonParser();
        Resource resource = (Resource) parser.parseResource(json);
        resource.getMeta().getProfile().clear();
        if (resource instanceof Bundle bundle) {
            bundle.getEntry().stream().filter(Bundle.BundleEntryComponent::hasResource)
                    .forEach(entry -> entry.getResource().getMeta().getProfile().clear());
        }
        assertValid(parser.encodeResourceToString(resource));
        return json;
    }

    private static String describe(SingleValidationMessage message) {
        return message.getLocationString() + ": " + message.getMessage();
    }

    private static FhirValidator validator() {
        FhirContext context = FhirContext.forR4Cached();
        ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context));
        FhirValidator validator = context.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(support));
        return validator;
    }
}
