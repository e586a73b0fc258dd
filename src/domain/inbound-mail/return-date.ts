import { DateTime } from "luxon";
import { foldText } from "./inbound-mail.js";

/** A stated date says the first day back, or the last day away (the writer is back the day after). */
type DateMeaning = "back" | "until";

/** Words that introduce a return date, in folded text, and how far after them (characters) the date may start. */
type DateCue = { pattern: RegExp; meaning: DateMeaning; isMonthFirst: boolean; maxGapChars: number };

const PHRASE_GAP_CHARS = 40;
/** Range words (`1 – 14 December`, `bis`, `au`) introduce a date only right after them. */
const RANGE_GAP_CHARS = 3;

const CUES: readonly DateCue[] = [
  { pattern: /\b(back|return|returns|returning|available again|reachable again)\b/g, meaning: "back", isMonthFirst: true, maxGapChars: PHRASE_GAP_CHARS },
  { pattern: /\b(until|till|til|through|thru)\b/g, meaning: "until", isMonthFirst: true, maxGapChars: PHRASE_GAP_CHARS },
  { pattern: /\bto\b/g, meaning: "until", isMonthFirst: true, maxGapChars: RANGE_GAP_CHARS },
  { pattern: /\b(zuruck|zurueck|wieder (im buro|im buero|erreichbar|da|verfugbar)|ab dem|ab)\b/g, meaning: "back", isMonthFirst: false, maxGapChars: PHRASE_GAP_CHARS },
  { pattern: /\b(bis zum|bis einschlie(ss|ß)lich|bis)\b/g, meaning: "until", isMonthFirst: false, maxGapChars: PHRASE_GAP_CHARS },
  { pattern: /\b(de retour|retour|a partir du|des le)\b/g, meaning: "back", isMonthFirst: false, maxGapChars: PHRASE_GAP_CHARS },
  { pattern: /\b(jusqu'au|jusqu'a|jusqu au)\b/g, meaning: "until", isMonthFirst: false, maxGapChars: PHRASE_GAP_CHARS },
  { pattern: /\b(de regreso|regreso|regresare|volvere|vuelvo|de vuelta|a partir del)\b/g, meaning: "back", isMonthFirst: false, maxGapChars: PHRASE_GAP_CHARS },
  { pattern: /\b(hasta el|hasta)\b/g, meaning: "until", isMonthFirst: false, maxGapChars: PHRASE_GAP_CHARS },
  { pattern: /(\b(au|al)\b|[-–])/g, meaning: "until", isMonthFirst: false, maxGapChars: RANGE_GAP_CHARS },
];

/** Month names and abbreviations (folded) in English, German, French and Spanish → month number. */
const MONTHS: Record<string, number> = Object.fromEntries(
  [
    ["january jan januar janner janvier enero ene", 1],
    ["february feb februar fevrier fev febrero", 2],
    ["march mar marz maerz mars marzo", 3],
    ["april apr avril abril abr", 4],
    ["may mai mayo", 5],
    ["june jun juni juin junio", 6],
    ["july jul juli juillet julio", 7],
    ["august aug aout agosto ago", 8],
    ["september sept sep septembre septiembre setiembre", 9],
    ["october oct oktober okt octobre octubre", 10],
    ["november nov novembre noviembre", 11],
    ["december dec dezember dez decembre diciembre dic", 12],
  ].flatMap(([names, month]) => (names as string).split(" ").map((name) => [name, month as number])),
);

/** Weekday names (folded) → ISO weekday (Monday 1). */
const WEEKDAYS: Record<string, number> = Object.fromEntries(
  [
    ["monday montag lundi lunes", 1],
    ["tuesday dienstag mardi martes", 2],
    ["wednesday mittwoch mercredi miercoles", 3],
    ["thursday donnerstag jeudi jueves", 4],
    ["friday freitag vendredi viernes", 5],
    ["saturday samstag samedi sabado", 6],
    ["sunday sonntag dimanche domingo", 7],
  ].flatMap(([names, day]) => (names as string).split(" ").map((name) => [name, day as number])),
);

const alternation = (names: Record<string, number>) => Object.keys(names).sort((a, b) => b.length - a.length).join("|");
const MONTH = `(${alternation(MONTHS)})(?![a-z])\\.?`;
const YEAR = `(?:,?\\s+(?:de\\s+)?(\\d{4}))?`;

/** A date as written: year null when not given; month and day as the writer meant them. */
type WrittenDate = { year: number | null; month: number; day: number } | { weekday: number };

type DateForm = { pattern: RegExp; read: (match: RegExpExecArray, isMonthFirst: boolean) => WrittenDate };

const yearOf = (text: string | undefined): number | null => (text === undefined ? null : text.length === 2 ? 2000 + Number(text) : Number(text));

/** Written forms of a date, in folded text. A bare weekday is tried only when no full date is near the cue. */
const DATE_FORMS: readonly DateForm[] = [
  { pattern: /(\d{4})-(\d{2})-(\d{2})/, read: (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) },
  {
    pattern: new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th|er|\\.)?\\s*(?:de\\s+)?${MONTH}${YEAR}`),
    read: (m) => ({ year: yearOf(m[3]), month: MONTHS[m[2]!]!, day: Number(m[1]) }),
  },
  { pattern: new RegExp(`${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)${YEAR}`), read: (m) => ({ year: yearOf(m[3]), month: MONTHS[m[1]!]!, day: Number(m[2]) }) },
  { pattern: /(?<![\d.])(\d{1,2})\.(\d{1,2})\.?(\d{4}|\d{2})?(?![\d])/, read: (m) => ({ year: yearOf(m[3]), month: Number(m[2]), day: Number(m[1]) }) },
  {
    pattern: /(?<![\d/])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\d/])/,
    read: (m, isMonthFirst) => {
      const [first, second] = [Number(m[1]), Number(m[2])];
      const monthFirst = isMonthFirst ? first <= 12 : second > 12;
      return { year: yearOf(m[3]), month: monthFirst ? first : second, day: monthFirst ? second : first };
    },
  },
];

const WEEKDAY_FORM: DateForm = { pattern: new RegExp(`\\b(${alternation(WEEKDAYS)})\\b`), read: (m) => ({ weekday: WEEKDAYS[m[1]!]! }) };

/** The date written closest after a cue, if it starts within the cue's reach. */
function dateAfter(text: string, cue: DateCue, from: number): WrittenDate | null {
  const window = text.slice(from, from + cue.maxGapChars + 40);
  const nearest = (forms: readonly DateForm[]) =>
    forms
      .map((form) => ({ form, match: form.pattern.exec(window) }))
      .filter((found): found is { form: DateForm; match: RegExpExecArray } => found.match !== null && found.match.index <= cue.maxGapChars)
      .sort((a, b) => a.match.index - b.match.index)[0];
  const found = nearest(DATE_FORMS) ?? nearest([WEEKDAY_FORM]);
  return found ? found.form.read(found.match, cue.isMonthFirst) : null;
}

/** The first day back, as a calendar day in the zone: a date without a year is the next one on or after the day received. */
function firstDayBack(written: WrittenDate, meaning: DateMeaning, received: DateTime): DateTime | null {
  const today = received.startOf("day");
  let day: DateTime;
  if ("weekday" in written) {
    day = today.plus({ days: ((written.weekday - today.weekday + 6) % 7) + 1 });
  } else {
    day = DateTime.fromObject({ year: written.year ?? today.year, month: written.month, day: written.day }, { zone: received.zone });
    if (written.year === null && day.isValid && day < today) day = day.plus({ years: 1 });
  }
  if (!day.isValid) return null;
  return meaning === "until" ? day.plus({ days: 1 }) : day;
}

/** How far ahead a stated return may be: further is more likely a misread than a sabbatical. */
const MAX_ABSENCE_DAYS = 366;

/** An out-of-office states its return near the top; the rest (quoted mail, signatures) is not read. */
const MAX_TEXT_CHARS = 10_000;

/**
 * The return date an out-of-office text states, as the start of that day in `zone` (epoch ms):
 * "back on 14 December", "return on Monday, 7 December 2026", "until 12/14" (the day after),
 * "2026-12-14", "bis zum 14.12.", "de retour le 14 décembre", "hasta el 14 de diciembre".
 * English slash dates read month first, the others day first. Several dates: the latest one.
 * Null when no date after a return or until phrase can be read, or it is not in the next year.
 * Only the first `MAX_TEXT_CHARS` characters are read.
 */
export function parseReturnDate(text: string, receivedAt: number, zone: string): number | null {
  const folded = foldText(text.slice(0, MAX_TEXT_CHARS)).replace(/[’`]/g, "'");
  const received = DateTime.fromMillis(receivedAt, { zone });
  if (!received.isValid) return null;
  const latest = received.plus({ days: MAX_ABSENCE_DAYS }).toMillis();
  const returns = CUES.flatMap((cue) =>
    [...folded.matchAll(cue.pattern)].map((match) => {
      const written = dateAfter(folded, cue, match.index + match[0].length);
      return written && firstDayBack(written, cue.meaning, received)?.toMillis();
    }),
  ).filter((at): at is number => typeof at === "number" && at > receivedAt && at <= latest);
  return returns.reduce<number | null>((max, at) => (max === null || at > max ? at : max), null);
}
