package io.cairn.kit.problem;

/** 404: the resource does not exist, or the caller may not know that it does. */
public class ResourceNotFoundException extends ProblemException {

    /**
     * The same words whether the record is missing or only hidden from the caller, so that a refusal does not
     * confirm that a patient's record exists.
     */
    public ResourceNotFoundException(String resource, Object id) {
        super(404, "not-found", "Not Found", "Nothing with id " + id + " was found");
    }
}
