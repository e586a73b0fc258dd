import { isCurrentVersion, type ResponseVersion } from "./objection.js";

/** Where a lead ended up, as far as win rates care. */
export type LeadOutcome = "won" | "lost" | "open";

/** An objection logged on a lead, with the response version the rep used (null: none). */
export type ObjectionLog = {
  leadId: string;
  objectionId: string;
  responseVersionId: string | null;
};

/**
 * Event types that close a lead (`disqualified` counts as a loss for the response used) and
 * that open it again (requalified, or reopened out of won or lost).
 */
const OUTCOME_OF_EVENT: Record<string, LeadOutcome> = { won: "won", lost: "lost", disqualified: "lost", requalified: "open", reopened: "open" };

/** The event types `leadOutcome` reads, so the store fetches only those. */
export const OUTCOME_EVENT_TYPES = Object.keys(OUTCOME_OF_EVENT);

/**
 * A lead's outcome from its timeline, oldest first. The last closing or reopening event wins,
 * so a lead lost and later reopened and won counts as won, and one reopened and still open
 * counts as open.
 */
export function leadOutcome(eventTypes: readonly string[]): LeadOutcome {
  return eventTypes.reduce<LeadOutcome>((outcome, type) => OUTCOME_OF_EVENT[type] ?? outcome, "open");
}

export type ResponseWinRate = {
  responseVersionId: string;
  wins: number;
  losses: number;
  open: number;
  /** wins / (wins + losses); null until a lead that heard this version has closed. */
  winRate: number | null;
};

/** The closed leads behind a win rate: its sample size. */
export function sampleSize(rate: ResponseWinRate): number {
  return rate.wins + rate.losses;
}

/**
 * Win rate per response version over linked outcomes. A lead counts once per version even when
 * the objection was logged twice with it, so a talkative rep cannot inflate a rate.
 */
export function responseWinRates(logs: readonly ObjectionLog[], outcomes: ReadonlyMap<string, LeadOutcome>): Map<string, ResponseWinRate> {
  const leadsByVersion = new Map<string, Set<string>>();
  for (const log of logs) {
    if (log.responseVersionId === null) continue;
    const leads = leadsByVersion.get(log.responseVersionId) ?? new Set<string>();
    leadsByVersion.set(log.responseVersionId, leads.add(log.leadId));
  }
  const rates = new Map<string, ResponseWinRate>();
  for (const [responseVersionId, leadIds] of leadsByVersion) {
    const counts = { won: 0, lost: 0, open: 0 };
    for (const leadId of leadIds) counts[outcomes.get(leadId) ?? "open"]++;
    const closed = counts.won + counts.lost;
    rates.set(responseVersionId, { responseVersionId, wins: counts.won, losses: counts.lost, open: counts.open, winRate: closed === 0 ? null : counts.won / closed });
  }
  return rates;
}

/** A response version to suggest, with the evidence behind it. */
export type ResponseSuggestion = { version: ResponseVersion; rate: ResponseWinRate; isCurrent: boolean };

/**
 * Versions of an objection's responses, best first: win rate (versions with no closed lead yet
 * last), then sample size, then the newest version, so a fresh wording beats an equally good
 * old one.
 */
export function rankSuggestions(versions: readonly ResponseVersion[], rates: ReadonlyMap<string, ResponseWinRate>): ResponseSuggestion[] {
  return versions
    .map((version) => ({
      version,
      rate: rates.get(version.id) ?? { responseVersionId: version.id, wins: 0, losses: 0, open: 0, winRate: null },
      isCurrent: isCurrentVersion(version, versions),
    }))
    .sort(
      (a, b) =>
        (b.rate.winRate ?? -1) - (a.rate.winRate ?? -1) ||
        sampleSize(b.rate) - sampleSize(a.rate) ||
        b.version.createdAt - a.version.createdAt ||
        b.version.version - a.version.version,
    );
}
