package io.cairn.scheduling.fhir;

import io.cairn.fhir.Fhir;
import io.cairn.fhir.SecurityLabels;
import io.cairn.scheduling.domain.Enrollment;
import io.cairn.scheduling.domain.EnrollmentStatus;
import io.cairn.scheduling.domain.Track;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Group.GroupType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * A track as a FHIR {@code Group}: its cohort, each patient enrolled in it now or before (inactive once their episode
 * ended), the period they belonged. The id is the track's, the group a Bulk Data {@code Group/{id}/$export} names.
 */
final class FhirGroups {

    private FhirGroups() {
    }

    static Group toFhir(Track track, List<Enrollment> members) {
        Group fhir = new Group();
        fhir.setId(track.id.toString());
        fhir.getMeta().setVersionId(String.valueOf(track.version));
        // Changed with the track or any enrollment the caller sees (another's change is none of theirs).
        Fhir.lastUpdated(fhir, Stream.concat(Stream.of(track.updatedAt), members.stream().map(m -> m.updatedAt))
                .toArray(Instant[]::new));
        // Who belongs to an IOP cohort is itself Part 2 information.
        SecurityLabels.substanceUseInformation(fhir);
        fhir.setType(GroupType.PERSON).setActual(true).setName(track.name).setQuantity(members.size())
                .setCode(new CodeableConcept().setText("Intensive outpatient program track: "
                        + Fhir.words(track.scheduleType) + ", " + Fhir.words(track.ageGroup)));
        for (Enrollment member : members) {
            // An episode that ended before its first session (a discharge the day after approval) never began here.
            boolean neverBegan = member.startsOn != null && member.endedOn != null
                    && member.endedOn.isBefore(member.startsOn);
            fhir.addMember().setEntity(new Reference("Patient/" + member.patientId))
                    .setPeriod(new Period().setStartElement(neverBegan ? null : day(member.startsOn))
                            .setEndElement(day(member.endedOn)))
                    .setInactive(member.status != EnrollmentStatus.ENROLLED);
        }
        return fhir;
    }

    private static DateTimeType day(LocalDate day) {
        return day == null ? null : new DateTimeType(day.toString());
    }

}
