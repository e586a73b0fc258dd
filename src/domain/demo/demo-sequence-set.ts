import { BUSINESS_HOURS_WINDOW, type Sequence, type SequenceStep } from "../sequences/sequence.js";
import { demoIdFor } from "./demo-id.js";
import { streamFor } from "./seeded-random.js";

/** The company the demo's emails are signed for, when the workspace has not named its own. */
export const DEMO_COMPANY_NAME = "Brightwave Software";

const step = (dayOffset: number, channel: SequenceStep["channel"], subject: string, body: string): SequenceStep => ({
  dayOffset,
  channel,
  subject,
  body,
  window: BUSINESS_HOURS_WINDOW,
  proofAssetIds: [],
});

/*
 * Templates use only what every demo lead has (first name, email, title, owner, company name)
 * and give everything else a default (students come without a company).
 */
const HELLO = `Hi {{ lead.firstName | default: "there" }},`;
const SIGNATURE = `{{ owner.name }}\n{{ company.name }}`;

const FOLLOW_UP_STEPS: readonly SequenceStep[] = [
  step(
    0,
    "email",
    `Your enquiry to {{ company.name }}`,
    `${HELLO}\n\nthanks for getting in touch. I look after teams like {{ lead.company | default: "yours" }} and would love to hear what made you reach out.\n\nWould a 20-minute call this week work? Reply with a time that suits you.\n\n${SIGNATURE}`,
  ),
  step(2, "call", "", `Call {{ lead.firstName | default: "the lead" }} ({{ lead.title | default: "no title given" }} at {{ lead.company | default: "no company given" }}): ask what prompted the enquiry and offer a 20-minute walkthrough.`),
  step(
    5,
    "email",
    `Re: Your enquiry to {{ company.name }}`,
    `${HELLO}\n\na quick follow-up: most teams we work with answer new leads in minutes instead of hours within their first week.\n\nIs that something {{ lead.company | default: "your team" }} is looking at right now?\n\n${SIGNATURE}`,
  ),
  step(10, "linkedin", "", `Connect with {{ lead.name | default: "the lead" }} on LinkedIn with a short note that refers to your two emails.`),
];

const DEMO_REQUEST_STEPS: readonly SequenceStep[] = [
  step(
    0,
    "email",
    `Your {{ company.name }} demo`,
    `${HELLO}\n\nthanks for asking for a demo. I can show you how {{ lead.company | default: "your team" }} would route, answer and follow up every lead.\n\nWhich day this week suits you? Reply and I will send an invitation.\n\n${SIGNATURE}`,
  ),
  step(1, "call", "", `Call {{ lead.firstName | default: "the lead" }} to book the demo they asked for.`),
  step(3, "email", `Re: Your {{ company.name }} demo`, `${HELLO}\n\nstill keen on the demo? Reply with two times that work and I will make one of them happen.\n\n${SIGNATURE}`),
];

const NURTURE_STEPS: readonly SequenceStep[] = [
  step(
    0,
    "email",
    `One idea a month from {{ company.name }}`,
    `${HELLO}\n\nonce a month I share one thing that helps sales teams follow up faster. This month: leads answered within five minutes are far more likely to turn into a meeting than those answered the next day.\n\nIf the timing is right for {{ lead.company | default: "your team" }} now, just reply.\n\n${SIGNATURE}`,
  ),
];

/** The demo's sequences: a 4-step follow-up, a short one for demo requests, and the monthly nurture both move leads into. */
export type DemoSequenceSet = { followUp: Sequence; demoRequest: Sequence; nurture: Sequence };

/** The three sequences as a manager would have set them up before the first demo lead arrived; ids from the seed. */
export function demoSequencesOf(seed: number, createdAt: number): DemoSequenceSet {
  const sequence = (key: string, fields: Pick<Sequence, "name" | "purpose" | "steps" | "nurtureSequenceId" | "repeatEveryDays">): Sequence => ({
    id: demoIdFor("sequence", createdAt, streamFor(seed, "sequence", key)),
    ...fields,
    isArchived: false,
    createdAt,
    updatedAt: createdAt,
  });
  const nurture = sequence("nurture", { name: "Monthly nurture", purpose: "nurture", steps: [...NURTURE_STEPS], nurtureSequenceId: null, repeatEveryDays: 30 });
  return {
    followUp: sequence("follow-up", { name: "New lead follow-up", purpose: "follow_up", steps: [...FOLLOW_UP_STEPS], nurtureSequenceId: nurture.id, repeatEveryDays: null }),
    demoRequest: sequence("demo-request", { name: "Demo request", purpose: "follow_up", steps: [...DEMO_REQUEST_STEPS], nurtureSequenceId: nurture.id, repeatEveryDays: null }),
    nurture,
  };
}
