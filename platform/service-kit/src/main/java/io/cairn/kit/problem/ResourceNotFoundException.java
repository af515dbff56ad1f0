package io.cairn.kit.problem;

/** 404: the resource does not exist, or the caller may not know that it does. */
public class ResourceNotFoundException extends ProblemException {

    public ResourceNotFoundException(String resource, Object id) {
        super(404, "not-found", "Not Found", resource + " " + id + " was not found");
    }
}
