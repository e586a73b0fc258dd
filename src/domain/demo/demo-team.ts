import type { User } from "../users/user.js";
import { demoIdFor } from "./demo-id.js";
import { streamFor } from "./seeded-random.js";
import type { WorkingHours } from "./zoned-time.js";

/** Where a rep takes leads from; the demo routes by the lead's country. */
export type Territory = "americas_apac" | "emea";

/**
 * How a rep works, as the generator applies it. These are the truths the diagnostics (issue #7)
 * should rediscover from events alone.
 */
export type RepSkill = {
  /** Median minutes of working time from a lead's arrival to the rep's first touch. */
  medianResponseMinutes: number;
  /** Share of assigned leads the rep never touches at all. */
  droppedShare: number;
  /** Attempts (calls, emails…) before the rep gives up on a lead that never answers. */
  maxAttempts: number;
  /** P(proposal | qualified): how often discovery turns into a proposal. */
  proposalRate: number;
  /** P(won | proposal sent). */
  closeRate: number;
  /** Of the deals that do not move forward, the share left open (stalled) instead of closed as lost. */
  stallShare: number;
};

export type DemoRep = { territory: Territory; skill: RepSkill };

/** One person in the demo workspace. `rep` is null for the manager and the admin. */
export type DemoTeamMember = {
  user: User;
  workingHours: WorkingHours;
  rep: DemoRep | null;
  /** What makes this person recognisable in the data, for whoever presents the demo. */
  profile: string;
};

/** Domain of every demo login (RFC 2606/6761 reserved, so no mail can ever reach anyone). */
export const DEMO_EMAIL_DOMAIN = "demo.closeloop.test";

type MemberSpec = Omit<DemoTeamMember, "user" | "workingHours"> & Pick<User, "name" | "role"> & { login: string; timeZone: string };

const rep = (territory: Territory, skill: RepSkill): DemoRep => ({ territory, skill });

/**
 * Seven reps (four for the Americas and APAC, three for EMEA, so volumes per rep stay within
 * ~20% of each other), a manager and an admin. Ana is the benchmark; Oliver closes half as often
 * and gives up after two attempts; Daniel answers slowly, so his leads go cold before first touch.
 */
const MEMBERS: readonly MemberSpec[] = [
  { login: "ana", name: "Ana Silva", role: "rep", timeZone: "America/New_York", profile: "top closer; answers in ~3 working minutes", rep: rep("americas_apac", { medianResponseMinutes: 3, droppedShare: 0.005, maxAttempts: 6, proposalRate: 0.8, closeRate: 0.65, stallShare: 0.1 }) },
  { login: "ben", name: "Ben Okafor", role: "rep", timeZone: "America/Chicago", profile: "solid; fast first response", rep: rep("americas_apac", { medianResponseMinutes: 6, droppedShare: 0.01, maxAttempts: 5, proposalRate: 0.75, closeRate: 0.52, stallShare: 0.15 }) },
  { login: "grace", name: "Grace Liu", role: "rep", timeZone: "America/Los_Angeles", profile: "solid; covers APAC from the west coast", rep: rep("americas_apac", { medianResponseMinutes: 10, droppedShare: 0.01, maxAttempts: 5, proposalRate: 0.75, closeRate: 0.52, stallShare: 0.15 }) },
  { login: "daniel", name: "Daniel Kim", role: "rep", timeZone: "America/New_York", profile: "slow first response (~1 working hour median)", rep: rep("americas_apac", { medianResponseMinutes: 60, droppedShare: 0.03, maxAttempts: 3, proposalRate: 0.72, closeRate: 0.46, stallShare: 0.25 }) },
  { login: "chloe", name: "Chloé Martin", role: "rep", timeZone: "Europe/Paris", profile: "strong closer in EMEA", rep: rep("emea", { medianResponseMinutes: 5, droppedShare: 0.01, maxAttempts: 6, proposalRate: 0.8, closeRate: 0.6, stallShare: 0.1 }) },
  { login: "emma", name: "Emma Schulz", role: "rep", timeZone: "Europe/Berlin", profile: "average", rep: rep("emea", { medianResponseMinutes: 12, droppedShare: 0.01, maxAttempts: 4, proposalRate: 0.72, closeRate: 0.48, stallShare: 0.2 }) },
  { login: "oliver", name: "Oliver Bennett", role: "rep", timeZone: "Europe/London", profile: "weakest closer; gives up after 2 attempts; deals stall", rep: rep("emea", { medianResponseMinutes: 20, droppedShare: 0.06, maxAttempts: 2, proposalRate: 0.6, closeRate: 0.25, stallShare: 0.5 }) },
  { login: "maria", name: "Maria Rossi", role: "manager", timeZone: "America/New_York", profile: "sales manager: reads diagnostics, coaches reps", rep: null },
  { login: "sam", name: "Sam Patel", role: "admin", timeZone: "Europe/London", profile: "workspace admin", rep: null },
];

/** Reps start at 9:00 and stop at 17:00 local time, Monday to Friday. */
const WORKDAY = { startHour: 9, endHour: 17 };

/** The demo team; ids come from the seed, `joinedAt` is when their accounts were created. */
export function buildDemoTeam(seed: number, joinedAt: number): DemoTeamMember[] {
  return MEMBERS.map(({ login, name, role, timeZone, profile, rep }) => ({
    user: {
      id: demoIdFor("user", joinedAt, streamFor(seed, "user", login)),
      email: `${login}@${DEMO_EMAIL_DOMAIN}`,
      name,
      role,
      timezone: timeZone,
      isActive: true,
      createdAt: joinedAt,
    },
    workingHours: { timeZone, ...WORKDAY },
    rep,
    profile,
  }));
}
