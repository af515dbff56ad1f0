package io.cairn.scheduling.api;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A telehealth room's address: an http(s) URL of at most 500 characters in printable ASCII without spaces. It is
 * written as is into the patient's calendar feed, where a line break would start a property of the caller's choosing.
 */
@Pattern(regexp = TelehealthUrl.PATTERN)
@Size(max = 500)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Retention(RUNTIME)
@Target({ FIELD, METHOD, PARAMETER, RECORD_COMPONENT, ANNOTATION_TYPE })
public @interface TelehealthUrl {

    /**
     * The whole value: a scheme, then printable ASCII without spaces, as a URI is written. Anchored and ASCII-only so
     * that it means the same to a client's JSON Schema validator (ECMA-262: unanchored, its {@code \s} Unicode-wide) as here.
     */
    String PATTERN = "^https?://[\\x21-\\x7E]+$";

    String message() default "must be an http or https URL of at most 500 characters, in printable ASCII without "
            + "spaces";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
