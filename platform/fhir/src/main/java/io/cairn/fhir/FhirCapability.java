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

    /**
     * The search parameters every search takes ({@code _id}, {@code _lastUpdated}, as the R4 base defines them),
     * added to a resource type that is searched.
     */
    static CapabilityStatementRestResourceComponent withCommonSearch(CapabilityStatementRestResourceComponent resource) {
        if (resource.getInteraction().stream().noneMatch(i -> i.getCode() == TypeRestfulInteraction.SEARCHTYPE)) {
            return resource;
        }
        resource.addSearchParam().setName(SearchParameters.ID).setType(SearchParamType.TOKEN)
                .setDefinition("http://hl7.org/fhir/SearchParameter/Resource-id")
                .setDocumentation("One id, or several separated by commas");
        resource.addSearchParam().setName(SearchParameters.LAST_UPDATED).setType(SearchParamType.DATE)
                .setDefinition("http://hl7.org/fhir/SearchParameter/Resource-lastUpdated")
                .setDocumentation("When the resource last changed (meta.lastUpdated), after eq, ge, gt, le or lt; give "
                        + "it twice for a range. With _sort=_lastUpdated, the way to sync what changed: ask again "
                        + "from a few seconds before the last change you saw, as a change is stamped before it commits.");
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
