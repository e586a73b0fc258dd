/** How senior a job title sounds: a model feature that generalises where raw titles are too varied to learn from. */
export type TitleSeniority = "executive" | "director" | "manager" | "individual" | "unknown";

type Rank = Exclude<TitleSeniority, "unknown">;

const RANK_ORDER: readonly Rank[] = ["individual", "manager", "director", "executive"];

/** Words that set the rank of the title they head. A title without any is an individual contributor's. */
const RANK_WORDS: ReadonlyMap<string, Rank> = new Map([
  ...["chief", "ceo", "cto", "cfo", "coo", "cmo", "cio", "cro", "ciso", "cpo", "cso", "cdo", "founder", "cofounder", "owner", "president", "vp", "svp", "evp", "partner", "chairman", "chairwoman", "chair"].map(
    (word) => [word, "executive"] as const,
  ),
  ...["director", "head"].map((word) => [word, "director"] as const),
  ...["manager", "mgr", "lead", "leader", "supervisor"].map((word) => [word, "manager"] as const),
  // An assistant to someone senior is not senior: "CEO Assistant" is no CEO.
  ...["assistant", "intern", "trainee"].map((word) => [word, "individual"] as const),
]);

/** Phrases whose words mislead: a product owner owns no company, lead generation leads nobody, a managing director runs one. */
const PHRASES: readonly [RegExp, string][] = [
  [/\bproduct owner\b/g, "product specialist"],
  [/\blead gen(?:eration)?\b/g, "demand generation"],
  [/\bmanaging director\b/g, "chief"],
  [/\bco[\s-]+founder\b/g, "cofounder"],
];

/**
 * The rank of one part of a title. Only its head counts, the words before "of", "to" or "for"
 * ("Manager of Partner Programs" is a manager), and within the head the last rank word wins
 * ("Partner Manager" is a manager, "Assistant Manager" too).
 */
function rankOfPart(part: string): Rank {
  const head = part.split(/\b(?:of|to|for|at)\b/)[0]!;
  const ranks = head
    .split(/[^a-z0-9]+/)
    .map((word) => RANK_WORDS.get(word))
    .filter((rank) => rank !== undefined);
  return ranks.at(-1) ?? "individual";
}

/**
 * Classifies a job title: executive (C-level, VP, founder, owner, partner), director (director,
 * head of), manager (manager, lead, supervisor) or individual (anything else); unknown when
 * there is no title. A title of several roles ("Founder & CEO", "Director, Sales") takes the
 * most senior.
 */
export function titleSeniority(title: string | null): TitleSeniority {
  let text = (title ?? "").toLowerCase();
  if (!/[a-z]/.test(text)) return "unknown";
  for (const [phrase, replacement] of PHRASES) text = text.replace(phrase, replacement);
  const ranks = text.split(/[,&|/;()]|\s[-–]\s|\band\b/).map(rankOfPart);
  return ranks.reduce((best, rank) => (RANK_ORDER.indexOf(rank) > RANK_ORDER.indexOf(best) ? rank : best), "individual");
}
