package io.cairn.systemtests

import io.cairn.client.kotlin.apis.AftercareApi
import io.cairn.client.kotlin.apis.AssessmentsApi
import io.cairn.client.kotlin.apis.ConsentsApi
import io.cairn.client.kotlin.apis.MeasuresApi
import io.cairn.client.kotlin.apis.PatientsApi
import io.cairn.client.kotlin.apis.ReferralsApi
import io.cairn.client.kotlin.apis.SchedulesAndHoursApi
import io.cairn.client.kotlin.apis.TreatmentPlansApi
import io.cairn.client.kotlin.apis.WorklistApi
import io.cairn.client.kotlin.infrastructure.ApiClient
import io.cairn.client.kotlin.infrastructure.ClientException
import io.cairn.client.kotlin.infrastructure.Serializer
import io.cairn.client.kotlin.models.AcknowledgmentRequest
import io.cairn.client.kotlin.models.AssessmentRequest
import io.cairn.client.kotlin.models.CheckInRequest
import io.cairn.client.kotlin.models.ClaimTaskRequest
import io.cairn.client.kotlin.models.ConsentPurpose
import io.cairn.client.kotlin.models.ConsentRequest
import io.cairn.client.kotlin.models.ExternalIdentifier
import io.cairn.client.kotlin.models.GraduationRequest
import io.cairn.client.kotlin.models.MeasureRequest
import io.cairn.client.kotlin.models.PatientRequest
import io.cairn.client.kotlin.models.PlanEditRequest
import io.cairn.client.kotlin.models.Population
import io.cairn.client.kotlin.models.PreferredSchedule
import io.cairn.client.kotlin.models.RecordCategory
import io.cairn.client.kotlin.models.ReferralRequest
import io.cairn.client.kotlin.models.ReferralSource
import io.cairn.client.kotlin.models.ScreenerCode
import io.cairn.client.kotlin.models.Sex
import io.cairn.client.kotlin.models.StartAssessmentRequest
import io.cairn.client.kotlin.models.TaskKind
import io.cairn.client.kotlin.models.Urgency
import java.math.BigDecimal
import okhttp3.OkHttpClient
import okhttp3.Request
import java.time.LocalDate
import java.time.ZoneOffset
import java.util.UUID
import org.awaitility.Awaitility.await
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * An Android app's code against the Kotlin client openapi-generator (kotlin, jvm-okhttp4, Moshi) made from the
 * gateway's merged OpenAPI document, unchanged and compiled with warnings as errors: the care team's side (registration,
 * consent, an assessment from start to completion, the plan edited and approved from the worklist) and the patient's
 * (their plan and its acknowledgment, their schedule and its calendar file, a check-in with PHQ-9 and GAD-7, their
 * consents and the accounting of disclosures), each with their own Keycloak token. A null where the document promises a
 * value fails here, in Moshi, as it would in the app.
 */
class KotlinClientIT {

    private val coordinator = Platform.tokenOf("coordinator", "coordinator")
    private val clinician = Platform.tokenOf("clinician", "clinician")
    private val scheduler = Platform.tokenOf("scheduler", "scheduler")

    /** An API of the generated client that sends [token] as the bearer. */
    private fun <T : ApiClient> T.signedBy(token: String): T = apply { accessTokenProvider = { token } }

    @Test
    fun theCareTeamAndThePatientFollowTheJourneyThroughTheKotlinClient() {
        val unique = UUID.randomUUID().toString().substring(0, 8)
        // Three blocks of 3 h 30 min: 10.5 hours a week, which no other test's track gives, so the plan below is
        // enrolled in this track whatever tracks the other tests left.
        Journey.eveningTrackWithSessions(scheduler, unique, LocalDate.now(ZoneOffset.UTC), "21:30")

        // The intake coordinator registers and refers the patient, and records their Part 2 consent for the EHR.
        val mrn = "KT-$unique"
        val patients = PatientsApi(Platform.GATEWAY).signedBy(coordinator)
        val registered = patients.registerPatient(PatientRequest(givenName = "Kai", familyName = "Kotlin-$unique",
            birthDate = LocalDate.parse("1988-11-02"), sex = Sex.decode("male")!!,
            ageGroup = Population.decode("adult")!!, preferredSchedule = PreferredSchedule.decode("evening"),
            identifiers = listOf(ExternalIdentifier(system = "urn:ehr:demo:mrn", value = mrn))))
        assertNull(registered.email, "no email given: null, as the document says it may be")
        val found = patients.searchPatients(identifierSystem = "urn:ehr:demo:mrn", identifierValue = mrn)
        assertEquals(listOf(registered.id), found.map { it.id })
        val patient = registered.id
        ReferralsApi(Platform.GATEWAY).signedBy(coordinator).receiveReferral(ReferralRequest(patientId = patient,
            source = ReferralSource.decode("physician")!!, reason = "Daily drinking", urgency = Urgency.decode("routine")!!))
        ConsentsApi(Platform.GATEWAY).signedBy(coordinator).giveConsent(ConsentRequest(patientId = patient,
            recipient = "ehr-demo", purpose = ConsentPurpose.decode("care-coordination")!!,
            recordCategories = listOf("demographics", "treatment-plans", "attendance", "aftercare")
                .map { RecordCategory.decode(it)!! }))

        // The clinician's assessment, from start to completion; the plan is drafted from it.
        val assessments = AssessmentsApi(Platform.GATEWAY).signedBy(clinician)
        val started = assessments.startAssessment(StartAssessmentRequest(patientId = patient))
        assertNull(started.completedAt)
        val answers = Serializer.moshi.adapter(AssessmentRequest::class.java).fromJson(Journey.FULL_ASSESSMENT)!!
        assertEquals("2.1", assessments.saveAssessment(started.id, answers).recommendedLevelOfCare?.value)
        val completed = assessments.completeAssessment(started.id)
        assertNotNull(completed.completedAt)
        assertEquals("2.1", completed.levelOfCare?.value)
        val plans = TreatmentPlansApi(Platform.GATEWAY).signedBy(clinician)
        await().atMost(Journey.EVENTUAL).until { plans.listTreatmentPlans(patient).size == 1 }
        val draft = plans.listTreatmentPlans(patient).single()
        val edited = plans.editTreatmentPlan(draft.id, PlanEditRequest(planVersion = draft.planVersion,
            problems = draft.problems, weeklyHours = BigDecimal("10.5"), expectedWeeks = 10,
            preferredSchedule = PreferredSchedule.decode("evening"), changeNote = "Agreed with the patient"))
        assertEquals(draft.planVersion + 1, edited.planVersion)

        // The patient reads the plan in the app and acknowledges it; another patient's plan is not theirs.
        val patientToken = Platform.patientToken(patient)
        val myPlans = TreatmentPlansApi(Platform.GATEWAY).signedBy(patientToken)
        assertEquals(edited.planVersion, myPlans.getTreatmentPlan(draft.id).planVersion)
        val acknowledged = myPlans.acknowledgeTreatmentPlan(draft.id, AcknowledgmentRequest())
        assertEquals(edited.planVersion, acknowledged.acknowledgedVersion)
        val refused = assertThrows(ClientException::class.java) { myPlans.getTreatmentPlan(UUID.randomUUID()) }
        assertEquals(404, refused.statusCode)

        // The worklist shows the plan awaiting approval; the clinician claims the task and approves the plan.
        val worklist = WorklistApi(Platform.GATEWAY).signedBy(clinician)
        val approval = TaskKind.decode("plan-approval")!!
        await().atMost(Journey.EVENTUAL).until { worklist.listTasks(patientId = patient, kind = approval).isNotEmpty() }
        val task = worklist.listTasks(patientId = patient, kind = approval).single()
        assertNull(task.closedAt)
        worklist.claimTask(task.id, ClaimTaskRequest(version = task.version))
        assertNotNull(plans.approveTreatmentPlan(draft.id).approvedAt)
        await().atMost(Journey.EVENTUAL).until { worklist.getTask(task.id).closedAt != null }

        // Enrolled from the approval: the patient's schedule, and the same as a calendar file.
        val schedules = SchedulesAndHoursApi(Platform.GATEWAY).signedBy(patientToken)
        await().atMost(Journey.EVENTUAL).until { schedules.getPatientSchedule(patient).isNotEmpty() }
        val sessions = schedules.getPatientSchedule(patient)
        // The generator's OkHttp client reads JSON, text/plain and bytes only, so an app hands the feed's address
        // (from the generated request config) to the phone's calendar; fetched here as the calendar would.
        val feed = Platform.GATEWAY + schedules.getPatientScheduleCalendarRequestConfig(patient).path
        val calendar = OkHttpClient().newCall(Request.Builder().url(feed).header("Authorization", "Bearer $patientToken")
            .header("Accept", "text/calendar").build()).execute().use { it.body.string() }
        assertTrue(calendar.startsWith("BEGIN:VCALENDAR"))
        assertEquals(sessions.size, Regex("BEGIN:VEVENT").findAll(calendar).count())

        // During the program the patient answers the week's PHQ-9 in the app and sees it beside the assessment's 12.
        val measures = MeasuresApi(Platform.GATEWAY).signedBy(patientToken)
        assertTrue(measures.listDueMeasures(patient).all { it.everyDays > 0 })
        val rescreen = measures.recordMeasure(patient, MeasureRequest(instrument = ScreenerCode.decode("PHQ-9")!!,
            answers = (1..9).associate { "$it" to if (it <= 7) 2 else 0 }))
        assertEquals(14, rescreen.score)
        val phq9 = measures.listMeasures(patient).single { it.instrument == ScreenerCode.decode("PHQ-9") }
        assertEquals(listOf(12, 14), phq9.measures.map { it.score })
        assertEquals(2, phq9.change)

        // The EHR reads the record under the consent; the patient sees both in the app.
        Platform.`as`(Platform.ehrToken()).get("/patients/$patient").then().statusCode(200)
        assertEquals(listOf("ehr-demo"),
            ConsentsApi(Platform.GATEWAY).signedBy(patientToken).listConsents(patient).map { it.recipient })
        val accounting = PatientsApi(Platform.GATEWAY).signedBy(patientToken)
        await().atMost(Journey.EVENTUAL).until { accounting.listDisclosures(patient).isNotEmpty() }
        assertTrue(accounting.listDisclosures(patient).all { it.recipient == "ehr-demo" })

        // Graduation opens aftercare; the patient records their first check-in with PHQ-9 and GAD-7 answers.
        plans.graduatePatient(draft.id, GraduationRequest(overrideReason = "Kotlin client test: goals met early"))
        val aftercare = AftercareApi(Platform.GATEWAY).signedBy(patientToken)
        await().atMost(Journey.EVENTUAL).until { aftercare.listAftercareReferrals(patient).size == 1 }
        val checkIns = aftercare.listReferralCheckIns(aftercare.listAftercareReferrals(patient).single().id)
        assertEquals(listOf(7, 30, 90, 180, 365), checkIns.map { it.milestoneDays })
        val recorded = aftercare.recordCheckIn(checkIns.first().id, CheckInRequest(reached = true, relapse = false,
            phq9Answers = (1..9).associate { "$it" to if (it <= 4) 2 else 0 },
            gad7Answers = (1..7).associate { "$it" to 1 }))
        assertEquals(8, recorded.phq9Score)
        assertEquals(7, recorded.gad7Score)
        assertEquals("mild", recorded.gad7Band)
    }
}
