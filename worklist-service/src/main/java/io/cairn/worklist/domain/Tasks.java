package io.cairn.worklist.domain;

import io.cairn.contracts.Roles;
import io.cairn.kit.api.Changes;
import io.cairn.kit.api.ListWindow;
import io.cairn.kit.api.PageOf;
import io.cairn.kit.audit.AuditEntry;
import io.cairn.kit.audit.AuditLog;
import io.cairn.kit.audit.AuditOutcome;
import io.cairn.kit.problem.ConflictException;
import io.cairn.kit.problem.ResourceNotFoundException;
import io.cairn.kit.security.Caller;
import io.cairn.kit.security.PatientAccess;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The care team's side of the worklist: what needs them now, and claiming, handing on and completing it. Each person
 * sees and works the tasks of their own roles (a scheduler does not see safety alerts); the program director sees and
 * works all of them. Any other task is answered as if it did not exist.
 */
@ApplicationScoped
public class Tasks {

    static final String RESOURCE = "task";

    private final AuditLog audit;
    private final PatientAccess access;
    private final Caller caller;
    private final Clock clock;

    Tasks(AuditLog audit, PatientAccess access, Caller caller, Clock clock) {
        this.audit = audit;
        this.access = access;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * One window of the tasks that match, most urgent and earliest due first. Tasks whose time has not come (a
     * check-in a month away) are not on the list yet. Only the window's rows are read and audited.
     */
    @Transactional
    public PageOf<CareTask> list(TaskFilter filter, ListWindow.Window window) {
        return list(filter, Changes.ANY, window);
    }

    /** {@link #list(TaskFilter, ListWindow.Window)} of the tasks {@code changes} selects, in its order. */
    @Transactional
    public PageOf<CareTask> list(TaskFilter filter, Changes changes, ListWindow.Window window) {
        List<String> where = new ArrayList<>(List.of("status in :statuses", "opensAt <= :now"));
        Parameters parameters = Parameters.with("statuses", filter.statuses()).and("now", clock.instant());
        if (!caller.hasRole(Roles.PROGRAM_DIRECTOR)) {
            where.add("role in :callerRoles");
            parameters.and("callerRoles", caller.roles());
        }
        if (filter.kind() != null) {
            where.add("kind = :kind");
            parameters.and("kind", filter.kind());
        }
        if (filter.priority() != null) {
            where.add("priority = :priority");
            parameters.and("priority", filter.priority());
        }
        if (filter.patientId() != null) {
            where.add("patientId = :patientId");
            parameters.and("patientId", filter.patientId());
        }
        if (filter.assignee() != null) {
            where.add("assignee = :assignee");
            parameters.and("assignee", filter.assignee());
        }
        if (filter.role() != null) {
            where.add("role = :role");
            parameters.and("role", filter.role());
        }
        if (filter.dueBefore() != null) {
            where.add("dueAt < :dueBefore");
            parameters.and("dueBefore", filter.dueBefore());
        }
        changes.addTo(where, parameters);
        PageOf<CareTask> page = window.of(CareTask.<CareTask> find(String.join(" and ", where),
                changes.sort(Sort.ascending("priorityRank", "dueAt", "id")), parameters));
        audit.recordAll(page.items().stream().map(Tasks::read).toList());
        return page;
    }

    /** The tasks these escalations are about, those the caller may see, each read recorded. */
    @Transactional
    public List<CareTask> escalatedFrom(List<CareTask> escalations) {
        List<UUID> about = escalations.stream().map(task -> task.escalationOf).filter(java.util.Objects::nonNull)
                .distinct().toList();
        if (about.isEmpty()) {
            return List.of();
        }
        List<CareTask> seen = CareTask.<CareTask> list("id in ?1", about).stream()
                .filter(task -> caller.hasRole(task.role) || caller.hasRole(Roles.PROGRAM_DIRECTOR)).toList();
        audit.recordAll(seen.stream().map(Tasks::read).toList());
        return seen;
    }

    @Transactional
    public CareTask get(UUID id) {
        CareTask task = find(id);
        audit.record(read(task));
        return task;
    }

    @Transactional
    public CareTask claim(UUID id, Integer version) {
        CareTask task = find(id, version);
        task.claim(caller.name(), clock.instant());
        access.wrote("claim", RESOURCE, id, task.patientId);
        return task;
    }

    @Transactional
    public CareTask assign(UUID id, Integer version, String assignee) {
        CareTask task = find(id, version);
        task.assign(assignee, clock.instant());
        access.wrote("assign", RESOURCE, id, task.patientId);
        return task;
    }

    @Transactional
    public CareTask complete(UUID id, Integer version, TaskOutcome outcome, String note) {
        CareTask task = find(id, version);
        task.complete(caller.name(), outcome, note, clock.instant());
        access.wrote("complete", RESOURCE, id, task.patientId);
        return task;
    }

    private static AuditEntry read(CareTask task) {
        return new AuditEntry("read", RESOURCE, task.id.toString(), task.patientId, AuditOutcome.SUCCESS);
    }

    /** @param version the version the caller saw, when it sent one: a task that changed since is a 409 */
    private CareTask find(UUID id, Integer version) {
        CareTask task = find(id);
        if (version != null && task.version != version) {
            throw new ConflictException("Task " + id + " changed since version " + version
                    + "; fetch it again and retry");
        }
        return task;
    }

    private CareTask find(UUID id) {
        CareTask task = CareTask.findById(id);
        if (task == null || !(caller.hasRole(task.role) || caller.hasRole(Roles.PROGRAM_DIRECTOR))) {
            throw new ResourceNotFoundException("Task", id);
        }
        return task;
    }
}
