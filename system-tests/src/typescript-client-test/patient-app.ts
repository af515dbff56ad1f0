// A patient's app, as a React Native team would write it: every call goes through the TypeScript client that
// openapi-generator (typescript-fetch) made from the gateway's merged OpenAPI document, unchanged, with the patient's
// own token. TypeScriptClientIT prepares the patient's journey and runs one step at a time:
//   node patient-app.js <plan|schedule|aftercare>
// with CAIRN_GATEWAY, CAIRN_TOKEN (the patient's), CAIRN_PATIENT_ID and, for "plan", CAIRN_PLAN_ID and
// CAIRN_OTHER_PLAN_ID (another patient's plan). It exits non-zero on the first expectation that fails.
import {
  AftercareApi,
  ConsentsApi,
  Configuration,
  MeasuresApi,
  PatientsApi,
  ResponseError,
  SchedulesAndHoursApi,
  TreatmentPlansApi,
} from '../../target/clients/typescript';

declare const process: { env: Record<string, string | undefined>; argv: string[]; exitCode?: number };

function env(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

function expect(condition: boolean, what: string): void {
  if (!condition) {
    throw new Error(`expected ${what}`);
  }
  console.log(`ok: ${what}`);
}

const config = new Configuration({ basePath: env('CAIRN_GATEWAY'), accessToken: env('CAIRN_TOKEN') });
const patientId = env('CAIRN_PATIENT_ID');

/** The patient reads the plan drafted with them and acknowledges it; another patient's plan is not theirs to see. */
async function plan(): Promise<void> {
  const plans = new TreatmentPlansApi(config);
  const planId = env('CAIRN_PLAN_ID');
  const read = await plans.getTreatmentPlan({ id: planId });
  expect(read.patientId === patientId && read.status === 'draft', 'their own draft plan');
  expect(read.problems.length > 0 && read.problems.every((p) => p.objectives.length > 0),
    'problems with objectives');
  expect(read.approvedAt === null && read.acknowledgedAt === null, 'null where nothing happened yet');
  const acknowledged = await plans.acknowledgeTreatmentPlan({ id: planId, acknowledgmentRequest: {} });
  expect(acknowledged.acknowledgedVersion === read.planVersion, 'the version read is the one acknowledged');
  expect(acknowledged.acknowledgedAt instanceof Date, 'the acknowledgment time as a Date');
  try {
    await plans.getTreatmentPlan({ id: env('CAIRN_OTHER_PLAN_ID') });
    expect(false, 'another patient\'s plan to be refused');
  } catch (e) {
    expect(e instanceof ResponseError && e.response.status === 404, 'a 404 for another patient\'s plan');
    const problem = await (e as ResponseError).response.json();
    expect(problem.status === 404 && typeof problem.title === 'string', 'the refusal as problem+json');
  }
}

/**
 * Once the plan is approved: the sessions booked for them, the same as a calendar file, their hours, and a re-screen
 * answered in the app.
 */
async function schedule(): Promise<void> {
  const schedules = new SchedulesAndHoursApi(config);
  const sessions = await schedules.getPatientSchedule({ id: patientId });
  expect(sessions.length > 0, `sessions booked (${sessions.length})`);
  expect(sessions.every((s) => s.startsAt < s.endsAt && s.kind === 'group'), 'group sessions with times');
  const calendar = await schedules.getPatientScheduleCalendar({ id: patientId });
  expect(calendar.startsWith('BEGIN:VCALENDAR'), 'an iCalendar file');
  expect((calendar.match(/BEGIN:VEVENT/g) ?? []).length === sessions.length, 'one event per session');
  const hours = await schedules.getPatientHours({ id: patientId });
  expect(hours.every((w) => /^\d{4}-W\d{2}$/.test(w.isoWeek)), 'weekly hours by ISO week');

  const measures = new MeasuresApi(config);
  const due = await measures.listDueMeasures({ patientId });
  expect(due.every((d) => d.dueOn instanceof Date && d.everyDays > 0), 're-screens due, with their dates');
  const gad7 = await measures.recordMeasure({
    patientId,
    measureRequest: { instrument: 'GAD-7', answers: { '1': 2, '2': 1, '3': 1, '4': 1, '5': 1, '6': 1, '7': 1 } },
  });
  expect(gad7.score === 8 && gad7.band === 'mild' && gad7.source === 're-screen', 'their GAD-7 scored 8, mild');
  const series = (await measures.listMeasures({ patientId })).find((s) => s.instrument === 'GAD-7');
  expect(series !== undefined && series.measures.length === 2 && series.latest === 8 && series.change === 1
    && series.reliableChange === 'unchanged', 'the GAD-7 series from the assessment on');
}

/** After graduation: their first check-in with PHQ-9 and GAD-7, their consents and who saw their records. */
async function aftercare(): Promise<void> {
  const care = new AftercareApi(config);
  const referrals = await care.listAftercareReferrals({ patientId });
  expect(referrals.length === 1 && referrals[0].firstContactDueBy === null, 'their aftercare referral');
  const checkIns = await care.listReferralCheckIns({ id: referrals[0].id });
  expect(JSON.stringify(checkIns.map((c) => c.milestoneDays)) === '[7,30,90,180,365]', 'five check-ins');
  expect(checkIns[0].phq9Score === null && checkIns[0].status === 'scheduled', 'the first one still open');
  const recorded = await care.recordCheckIn({
    id: checkIns[0].id,
    checkInRequest: {
      reached: true,
      relapse: false,
      useSinceLast: false,
      phq9Answers: { '1': 1, '2': 1, '3': 1, '4': 1, '5': 0, '6': 1, '7': 1, '8': 0, '9': 0 },
      gad7Answers: { '1': 1, '2': 1, '3': 0, '4': 1, '5': 0, '6': 1, '7': 0 },
      supportGroupMeetings: 2,
      nextSteps: 'Keep the Tuesday meeting',
    },
  });
  expect(recorded.phq9Score === 6 && recorded.phq9Band === 'mild', 'PHQ-9 scored 6, mild');
  expect(recorded.gad7Score === 4 && recorded.gad7Band === 'minimal', 'GAD-7 scored 4, minimal');
  expect(recorded.submittedByPatient && !recorded.safetyAlert, 'recorded by the patient, no safety alert');

  const consents = await new ConsentsApi(config).listConsents({ patientId });
  expect(consents.some((c) => c.recipient === 'ehr-demo' && c.activeToday && c.revokedAt === null),
    'their Part 2 consent for the EHR');
  const patients = new PatientsApi(config);
  let disclosures = await patients.listDisclosures({ id: patientId });
  for (let tries = 0; disclosures.length === 0 && tries < 30; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    disclosures = await patients.listDisclosures({ id: patientId });
  }
  expect(disclosures.length > 0 && disclosures.every((d) => d.recipient === 'ehr-demo'),
    'the accounting of disclosures names the EHR');
}

const steps: Record<string, () => Promise<void>> = { plan, schedule, aftercare };
const step = steps[process.argv[2] ?? ''];
if (!step) {
  console.error(`usage: node patient-app.js <${Object.keys(steps).join('|')}>`);
  process.exitCode = 2;
} else {
  step().catch((e: unknown) => {
    console.error(e instanceof ResponseError ? `${e.message}: ${e.response.status} ${e.response.url}` : e);
    process.exitCode = 1;
  });
}
