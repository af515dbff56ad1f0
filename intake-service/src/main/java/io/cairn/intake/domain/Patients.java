package io.cairn.intake.domain;

import io.cairn.contracts.events.RecordCategory;
import io.cairn.intake.api.PatientRequest;
import io.cairn.kit.api.Changes;
import io.cairn.kit.api.ListWindow;
import io.cairn.kit.api.PageOf;
import io.cairn.kit.problem.ConflictException;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.problem.ResourceNotFoundException;
import io.cairn.kit.security.Caller;
import io.cairn.kit.security.PatientAccess;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Registers patients, keeps their data, and finds them, within what the caller may see. */
@ApplicationScoped
public class Patients {

    /** The patient an EHR's identifier names (parameters {@code system} and {@code value}); at most one. */
    private static final String NAMED_BY_IDENTIFIER = "id in (select p.id from Patient p join p.identifiers i "
            + "where i.system = :system and i.value = :value)";

    static final String RESOURCE = "patient";

    private final PatientAccess access;
    private final Caller caller;
    private final EhrIdentifierSystems ehrSystems;

    Patients(PatientAccess access, Caller caller, EhrIdentifierSystems ehrSystems) {
        this.access = access;
        this.caller = caller;
        this.ehrSystems = ehrSystems;
    }

    /**
     * Registers a patient. Flushed at once: a registration that loses a race for an identifier fails here, where a
     * conditional create can still answer with the patient that won.
     */
    @Transactional
    public Patient register(PatientRequest request) {
        request.identifiersOrEmpty().forEach(identifier -> ehrSystems.requireOwn(identifier.system()));
        Patient patient = new Patient();
        patient.id = UUID.randomUUID();
        patient.createdAt = Instant.now();
        apply(patient, request);
        patient.persistAndFlush();
        access.wrote("create", RESOURCE, patient.id, patient.id);
        return patient;
    }

    @Transactional
    public Patient update(UUID id, PatientRequest request) {
        if (request.version() == null) {
            throw new InvalidRequestException("version", "is required to update: send the version you last read");
        }
        Patient patient = find(id);
        if (patient.version != request.version()) {
            throw new ConflictException("Patient " + id + " was changed since version " + request.version()
                    + "; fetch it again and retry");
        }
        apply(patient, request);
        access.wrote("update", RESOURCE, id, id);
        return patient;
    }

    /** The patient, if the caller may see them; 404 otherwise. */
    @Transactional
    public Patient get(UUID id) {
        Patient patient = find(id);
        access.read(RecordCategory.DEMOGRAPHICS, RESOURCE, id, id);
        return patient;
    }

    /**
     * The patient an identifier names, read as {@link #get} reads them, if there is one the caller may read: a
     * conditional create's match. Empty when there is none, or one the caller may not read.
     */
    @Transactional
    public Optional<Patient> readableWithIdentifier(String system, String value) {
        ehrSystems.requireOwn(system);
        return Patient.<Patient> find(NAMED_BY_IDENTIFIER, identifier(system, value)).firstResultOptional()
                .filter(patient -> access.mayRead(patient.id, RecordCategory.DEMOGRAPHICS))
                .map(patient -> get(patient.id));
    }

    /** The patient without an access check, for operations whose own checks have passed. */
    public Patient find(UUID id) {
        Patient patient = Patient.findById(id);
        if (patient == null) {
            throw new ResourceNotFoundException("Patient", id);
        }
        return patient;
    }

    @Transactional
    public PageOf<Patient> search(String name, LocalDate birthDate, String identifierSystem, String identifierValue,
            ListWindow.Window window) {
        return search(name, birthDate, identifierSystem, identifierValue, Changes.ANY, window);
    }

    /**
     * {@link #search(String, LocalDate, String, String, ListWindow.Window)}, of the patients {@code changes} selects,
     * in its order. An EHR client may name its patients by id instead of by identifier: the same consented few.
     */
    @Transactional
    public PageOf<Patient> search(String name, LocalDate birthDate, String identifierSystem, String identifierValue,
            Changes changes, ListWindow.Window window) {
        if ((identifierSystem == null) != (identifierValue == null)) {
            throw new InvalidRequestException(identifierSystem == null ? "identifierSystem" : "identifierValue",
                    "identifierSystem and identifierValue go together");
        }
        if (!caller.isStaff() && identifierValue == null && changes.ids() == null) {
            throw new InvalidRequestException("identifierValue", "EHR clients search by identifier");
        }
        if (identifierSystem != null) {
            ehrSystems.requireOwn(identifierSystem);
        }
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (name != null && !name.isBlank()) {
            conditions.add("(lower(familyName) like :name or lower(givenName) like :name)");
            parameters.and("name", name.strip().toLowerCase().replace("%", "") + "%");
        }
        if (birthDate != null) {
            conditions.add("birthDate = :birthDate");
            parameters.and("birthDate", birthDate);
        }
        if (identifierValue != null) {
            conditions.add(NAMED_BY_IDENTIFIER);
            parameters.and("system", identifierSystem).and("value", identifierValue);
        }
        changes.addTo(conditions, parameters);
        String query = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        PanacheQuery<Patient> found = Patient.find(query,
                changes.sort(Sort.by("familyName").and("givenName").and("id")), parameters);
        PageOf<Patient> listed;
        if (caller.isStaff()) {
            listed = window.of(found);
        } else {
            // An EHR client sees only consented patients; an identifier search returns one patient at most.
            List<Patient> consented = found.list().stream()
                    .filter(p -> access.mayRead(p.id, RecordCategory.DEMOGRAPHICS)).toList();
            listed = window.of(consented.stream().skip(window.offset()).limit(window.size()).toList(),
                    consented::size);
        }
        access.readAll(RecordCategory.DEMOGRAPHICS, RESOURCE, listed.items(), p -> p.id, p -> p.id);
        return listed;
    }

    private static Parameters identifier(String system, String value) {
        return Parameters.with("system", system).and("value", value);
    }

    private static void apply(Patient patient, PatientRequest request) {
        for (var identifier : request.identifiersOrEmpty()) {
            long taken = Patient.count("id <> :id and " + NAMED_BY_IDENTIFIER,
                    identifier(identifier.system(), identifier.value()).and("id",
                            Objects.requireNonNullElse(patient.id, UUID.randomUUID())));
            if (taken > 0) {
                throw new ConflictException("Identifier " + identifier.value() + " of " + identifier.system()
                        + " already belongs to another patient");
            }
        }
        patient.givenName = request.givenName().strip();
        patient.familyName = request.familyName().strip();
        patient.birthDate = request.birthDate();
        patient.sex = request.sex();
        patient.ageGroup = request.ageGroup();
        patient.preferredSchedule = request.preferredSchedule();
        patient.phone = request.phone();
        patient.email = request.email();
        patient.address = request.address();
        patient.emergencyContact = request.emergencyContact();
        patient.identifiers = new HashSet<>(request.identifiersOrEmpty());
        patient.updatedAt = Instant.now();
    }
}
