package io.cairn.kit.api;

/**
 * Where each interface of a service lives. The JSON API and the FHIR R4 views share one REST root, so every resource
 * names its own prefix.
 */
public final class ApiPaths {

    /** Cairn's own JSON API, version 1 (ARCHITECTURE.md's paths). */
    public static final String V1 = "/api/v1";
    /** HL7 FHIR R4 views of the same data. */
    public static final String FHIR_R4 = "/fhir/r4";

    private ApiPaths() {
    }
}
