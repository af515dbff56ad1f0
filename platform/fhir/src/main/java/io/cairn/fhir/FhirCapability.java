package io.cairn.fhir;

import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceVersionPolicy;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/** What a service serves of one resource type; its {@code /metadata} lists every one it has. */
public interface FhirCapability {

    CapabilityStatementRestResourceComponent describe();

    /** A resource type with its interactions, versioned (meta.versionId, ETag) unless the caller says otherwise. */
    static CapabilityStatementRestResourceComponent resource(String type, TypeRestfulInteraction... interactions) {
        CapabilityStatementRestResourceComponent resource = new CapabilityStatementRestResourceComponent()
                .setType(type).setVersioning(ResourceVersionPolicy.VERSIONED);
        for (TypeRestfulInteraction interaction : interactions) {
            resource.addInteraction().setCode(interaction);
        }
        return resource;
    }

    /** {@link #resource} that is searched by the patient it belongs to. */
    static CapabilityStatementRestResourceComponent searchedByPatient(String type, String documentation,
            TypeRestfulInteraction... interactions) {
        CapabilityStatementRestResourceComponent resource = resource(type, interactions);
        resource.addSearchParam().setName("patient").setType(SearchParamType.REFERENCE)
                .setDocumentation(documentation);
        return resource;
    }
}
