package io.cairn.worklist.fhir;

import io.cairn.fhir.Fhir;
import io.cairn.kit.api.JsonNames;
import io.cairn.fhir.SecurityLabels;
import io.cairn.worklist.domain.CareTask;
import io.cairn.worklist.domain.TaskPriority;
import io.cairn.worklist.domain.TaskStatus;
import java.util.Date;
import java.util.EnumSet;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskIntent;

/**
 * A worklist task as a FHIR {@code Task}: {@code ready} while open for its role, {@code accepted} once someone claimed
 * it (FHIR's word for a claim), {@code completed} when a person or the work itself closed it. What it is about is
 * {@code code} (the kind, in Cairn's code system) and {@code description} (its title); who works it is
 * {@code performerType} (the role) and {@code owner} (the person who claimed it).
 */
final class FhirTasks {

    static final String KIND_SYSTEM = "https://cairn.io/fhir/CodeSystem/task-kind";
    static final String ROLE_SYSTEM = "https://cairn.io/fhir/CodeSystem/care-team-role";
    static final String OUTCOME_SYSTEM = "https://cairn.io/fhir/CodeSystem/task-outcome";
    /** Staff are named by their user name at the identity provider; Cairn keeps no Practitioner resources. */
    static final String STAFF_SYSTEM = "https://cairn.io/fhir/sid/staff-user";

    private FhirTasks() {
    }

    static Task toFhir(CareTask task) {
        Task fhir = new Task();
        fhir.setId(task.id.toString());
        fhir.getMeta().setVersionId(String.valueOf(task.version));
        Fhir.lastUpdated(fhir, task.updatedAt);
        SecurityLabels.substanceUseInformation(fhir);
        fhir.setStatus(status(task.status)).setIntent(TaskIntent.ORDER).setPriority(priority(task.priority))
                .setCode(new CodeableConcept(new Coding(KIND_SYSTEM, JsonNames.of(task.kind), null))
                        .setText(task.title))
                .setDescription(task.title)
                .setFor(new Reference("Patient/" + task.patientId))
                .setAuthoredOn(Date.from(task.createdAt))
                .setRestriction(new Task.TaskRestrictionComponent().setPeriod(new Period()
                        .setStart(Date.from(task.opensAt)).setEnd(Date.from(task.dueAt))))
                .addPerformerType(new CodeableConcept(new Coding(ROLE_SYSTEM, task.role, null)).setText(task.role));
        if (task.escalationOf != null) {
            fhir.setFocus(new Reference("Task/" + task.escalationOf));
        }
        if (task.assignee != null) {
            fhir.setOwner(staff(task.assignee));
        }
        if (task.claimedAt != null || task.closedAt != null) {
            fhir.setExecutionPeriod(new Period().setStart(task.claimedAt == null ? null : Date.from(task.claimedAt))
                    .setEnd(task.closedAt == null ? null : Date.from(task.closedAt)));
        }
        if (task.outcome != null) {
            fhir.setBusinessStatus(new CodeableConcept(new Coding(OUTCOME_SYSTEM, JsonNames.of(task.outcome), null))
                    .setText(JsonNames.of(task.outcome)));
        }
        if (task.outcomeNote != null) {
            fhir.addNote().setText(task.outcomeNote).setAuthor(staff(task.closedBy));
        }
        return fhir;
    }

    static Task.TaskStatus status(TaskStatus status) {
        return switch (status) {
            case OPEN -> Task.TaskStatus.READY;
            case CLAIMED -> Task.TaskStatus.ACCEPTED;
            case COMPLETED, RESOLVED -> Task.TaskStatus.COMPLETED;
        };
    }

    /** The worklist statuses a FHIR status stands for: none for the ones a worklist task never has. */
    static Set<TaskStatus> statuses(Task.TaskStatus fhir) {
        Set<TaskStatus> matching = EnumSet.noneOf(TaskStatus.class);
        for (TaskStatus status : TaskStatus.values()) {
            if (status(status) == fhir) {
                matching.add(status);
            }
        }
        return matching;
    }

    private static Task.TaskPriority priority(TaskPriority priority) {
        return switch (priority) {
            case URGENT -> Task.TaskPriority.URGENT;
            case HIGH -> Task.TaskPriority.ASAP;
            case ROUTINE -> Task.TaskPriority.ROUTINE;
        };
    }

    private static Reference staff(String userName) {
        return new Reference().setIdentifier(new Identifier().setSystem(STAFF_SYSTEM).setValue(userName))
                .setDisplay(userName);
    }
}
