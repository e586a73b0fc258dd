import type { Lead } from "../lead/lead.js";
import { type Arrival, planArrivals } from "./demo-arrivals.js";
import { planFirstResponseAt } from "./demo-first-response.js";
import { type Journey, planJourney } from "./demo-journey.js";
import { buildDemoLeadIdentity, type DemoLeadIdentity } from "./demo-lead-identity.js";
import type { DemoLeadPlan } from "./demo-lead-plan.js";
import type { DemoLeadProfile } from "./demo-lead-profile.js";
import { DEMO_SOURCES, type DemoSource } from "./demo-sources.js";
import { buildDemoTeam, type DemoTeamMember, type Territory } from "./demo-team.js";
import { streamFor } from "./seeded-random.js";
import { DAY_MS } from "../time.js";

export type DemoHistoryInput = {
  seed: number;
  /** The end of the history (exclusive), usually now: nothing in the history happens at or after it. */
  endAt: number;
  days?: number;
  /** Average leads per calendar day over the period (weekdays get more, weekends fewer). */
  leadsPerDay?: number;
};

/** A lead as stored, the truth behind it, and what happened to it. */
export type DemoLead = { lead: Lead; profile: DemoLeadProfile; plan: DemoLeadPlan };

export type DemoHistory = {
  seed: number;
  startAt: number;
  endAt: number;
  team: DemoTeamMember[];
  sources: readonly DemoSource[];
  /** Oldest first. */
  leads: DemoLead[];
};

export const DEFAULT_DEMO_DAYS = 365;

/** About 20,000 leads over a year: enough for every per-rep and per-source rate to be significant. */
export const DEFAULT_DEMO_LEADS_PER_DAY = 55;

/** Accounts exist a month before the first demo lead arrives. */
const TEAM_JOINED_DAYS_BEFORE_START = 30;

const TERRITORY_LABELS: Record<Territory, string> = { americas_apac: "Americas & APAC", emea: "EMEA" };

/**
 * A workspace's history, fully determined by the input: same seed and instants → identical
 * output. Each lead draws from its own streams (`lead`, `first-response`, `journey` + its
 * index); a capability that needs more (objections, sequences, scores) adds its own stream
 * and reads `profile` and `plan`, so everything already generated stays the same.
 */
export function generateDemoHistory(input: DemoHistoryInput): DemoHistory {
  const { seed, endAt } = input;
  const leadsPerDay = input.leadsPerDay ?? DEFAULT_DEMO_LEADS_PER_DAY;
  const startAt = endAt - (input.days ?? DEFAULT_DEMO_DAYS) * DAY_MS;
  const team = buildDemoTeam(seed, startAt - TEAM_JOINED_DAYS_BEFORE_START * DAY_MS);
  const arrivals = planArrivals(seed, startAt, endAt, leadsPerDay);
  const taken = { emails: new Set<string>(), phones: new Set<string>() };
  const identities = arrivals.map((arrival, index) => buildDemoLeadIdentity(seed, index, arrival, taken));
  const owners = roundRobinByTerritory(arrivals, team);
  const dayLoads = dayLoadsOf(arrivals, owners);
  const leads = identities.map((identity, index) =>
    planDemoLead({ seed, index, endAt, identity, arrival: arrivals[index]!, owner: owners[index]!, dayLoad: dayLoads[index]! }),
  );
  return { seed, startAt, endAt, team, sources: DEMO_SOURCES, leads };
}

/**
 * Routes each lead, in arrival order, to the next rep of its country's territory. Issue #3's
 * routing rules replace this; the `assigned` reason says which rule a real workspace would show.
 */
function roundRobinByTerritory(arrivals: Arrival[], team: DemoTeamMember[]): DemoTeamMember[] {
  const cursors = new Map<Territory, number>();
  return arrivals.map(({ country }) => {
    const pool = team.filter((member) => member.rep?.territory === country.territory);
    const cursor = cursors.get(country.territory) ?? 0;
    cursors.set(country.territory, cursor + 1);
    return pool[cursor % pool.length]!;
  });
}

/** For each lead: its owner's leads that UTC day divided by the owner's average over the days they got any. */
function dayLoadsOf(arrivals: Arrival[], owners: DemoTeamMember[]): number[] {
  const keys = arrivals.map((arrival, index) => `${owners[index]!.user.id}|${Math.floor(arrival.createdAt / DAY_MS)}`);
  const perDay = new Map<string, number>();
  for (const key of keys) perDay.set(key, (perDay.get(key) ?? 0) + 1);
  const totals = new Map<string, { leads: number; days: number }>();
  for (const [key, leads] of perDay) {
    const ownerId = key.split("|")[0]!;
    const total = totals.get(ownerId) ?? { leads: 0, days: 0 };
    totals.set(ownerId, { leads: total.leads + leads, days: total.days + 1 });
  }
  return keys.map((key, index) => {
    const total = totals.get(owners[index]!.user.id)!;
    return perDay.get(key)! / (total.leads / total.days);
  });
}

type LeadToPlan = { seed: number; index: number; endAt: number; identity: DemoLeadIdentity; arrival: Arrival; owner: DemoTeamMember; dayLoad: number };

function planDemoLead({ seed, index, endAt, identity, arrival, owner, dayLoad }: LeadToPlan): DemoLead {
  const skill = owner.rep!.skill;
  const random = streamFor(seed, "first-response", index);
  // Routing takes seconds; never past the end of the history.
  const assignedAt = Math.min(arrival.createdAt + random.int(1, 4) * 1000, endAt - 1);
  const respondedAt = planFirstResponseAt(assignedAt, skill, owner.workingHours, dayLoad, random);
  const firstResponseAt = respondedAt !== null && respondedAt < endAt ? respondedAt : null;
  const journey: Journey =
    firstResponseAt === null
      ? { touches: [], stageChanges: [], proposal: null, outcome: { kind: "open" }, chances: null }
      : planJourney({ createdAt: arrival.createdAt, firstResponseAt, endAt, source: identity.source, profile: identity.profile, skill, workingHours: owner.workingHours }, streamFor(seed, "journey", index));
  const lastChange = journey.stageChanges[journey.stageChanges.length - 1];
  const plan: DemoLeadPlan = {
    ownerId: owner.user.id,
    assignedAt,
    assignmentReason: `rule '${TERRITORY_LABELS[owner.rep!.territory]} territory' (${arrival.country.code}) → round robin: ${owner.user.name}`,
    firstResponseAt,
    touches: journey.touches,
    stageChanges: journey.stageChanges,
    proposal: journey.proposal,
    outcome: journey.outcome,
    stage: lastChange?.stage ?? "new",
    chances: journey.chances,
  };
  const lead: Lead = Object.assign(identity.lead, { ownerId: owner.user.id, stage: plan.stage, updatedAt: Math.max(assignedAt, lastChange?.at ?? 0) });
  return { lead, profile: identity.profile, plan };
}
