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
 * A telehealth room's address: an http(s) URL of at most 500 characters with no spaces or control characters. It is
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

    /** The whole value: a scheme, then no space and no control character. */
    String PATTERN = "https?://[^\\s\\x00-\\x1F\\x7F]+";

    String message() default "must be an http or https URL of at most 500 characters, without spaces or control "
            + "characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
