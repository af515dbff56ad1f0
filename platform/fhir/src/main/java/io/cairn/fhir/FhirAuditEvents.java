package io.cairn.fhir;

import io.cairn.kit.audit.AuditOutcome;
import io.cairn.kit.audit.AuditRecord;
import java.util.Date;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * A record of a service's audit log as a FHIR {@code AuditEvent}: a RESTful operation (subtype: Cairn's action) by a
 * user, through a client, on a patient's record. Its id is the service's name and the record's number, unique across
 * services.
 */
final class FhirAuditEvents {

    static final String USER_SYSTEM = "https://cairn.io/fhir/sid/user";
    static final String CLIENT_SYSTEM = "https://cairn.io/fhir/sid/client";
    static final String ACTION_SYSTEM = "https://cairn.io/fhir/CodeSystem/audit-action";
    static final String ROLE_SYSTEM = "https://cairn.io/fhir/CodeSystem/role";
    private static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";

    private FhirAuditEvents() {
    }

    static String id(String service, long record) {
        return service + "-" + record;
    }

    static AuditEvent toFhir(AuditRecord record, String service) {
        AuditEvent event = new AuditEvent();
        event.setId(id(service, record.id()));
        event.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest",
                "RESTful Operation"));
        event.addSubtype(new Coding(ACTION_SYSTEM, record.action(), null));
        event.setAction(action(record.action()));
        event.setRecorded(Date.from(record.occurredAt()));
        event.getMeta().setLastUpdated(Date.from(record.occurredAt()));
        event.setOutcome(outcome(record.outcome()));
        event.setOutcomeDesc(record.outcome().name());

        AuditEventAgentComponent user = event.addAgent().setRequestor(true);
        user.getWho().setIdentifier(new Identifier().setSystem(USER_SYSTEM).setValue(record.user()))
                .setDisplay(record.user());
        record.roles().forEach(role -> user.addRole(new CodeableConcept(new Coding(ROLE_SYSTEM, role, null))));
        if (record.clientId() != null) {
            AuditEventAgentComponent client = event.addAgent().setRequestor(false);
            client.setType(new CodeableConcept(new Coding("http://dicom.nema.org/resources/ontology/DCM", "110150",
                    "Application")));
            client.getWho().setIdentifier(new Identifier().setSystem(CLIENT_SYSTEM).setValue(record.clientId()))
                    .setDisplay(record.clientId());
        }

        event.getSource().setSite(service).getObserver().setDisplay("Cairn " + service);
        event.getSource().addType(new Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4",
                "Application Server"));

        if (record.patientId() != null) {
            event.addEntity().setWhat(new Reference("Patient/" + record.patientId()))
                    .setType(new Coding(ENTITY_TYPE, "1", "Person"))
                    .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient"));
        }
        AuditEventEntityComponent resource = event.addEntity().setType(new Coding(ENTITY_TYPE, "2", "System Object"))
                .setName(record.resourceType());
        if (record.resourceId() != null) {
            resource.getWhat().setIdentifier(new Identifier().setValue(record.resourceId()));
        }
        if (record.traceId() != null) {
            resource.addDetail().setType("trace-id").setValue(new StringType(record.traceId()));
        }
        return event;
    }

    private static AuditEventAction action(String action) {
        return switch (action) {
            case "create", "record", "book", "write" -> AuditEventAction.C;
            case "read", "search", "disclose" -> AuditEventAction.R;
            case "update", "approve", "review", "complete", "claim", "assign", "acknowledge", "revoke", "graduate",
                    "discharge", "decide-level-of-care", "report-relapse" ->
                AuditEventAction.U;
            case "delete" -> AuditEventAction.D;
            default -> AuditEventAction.E;
        };
    }

    private static AuditEventOutcome outcome(AuditOutcome outcome) {
        return switch (outcome) {
            case SUCCESS -> AuditEventOutcome._0;
            case DENIED, NOT_FOUND -> AuditEventOutcome._4;
            case FAILED -> AuditEventOutcome._8;
        };
    }
}
