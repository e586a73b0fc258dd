import { foldText } from "./inbound-mail.js";

/**
 * How subjects of automatic replies start, in folded text (lower-case, no accents): what mail
 * programs put in front (Outlook's "Automatic reply:", Exchange's "Abwesenheitsnotiz:", Gmail's
 * "Out of office"…). English, German, French, Spanish, Dutch and Italian. Only at the start: a
 * reply ("Re: Cut absence costs") never matches. The single words need their colon (or nothing after).
 */
const AUTOMATIC_SUBJECT =
  /^(?:(?:out of (the )?office|automatic reply|auto[- ]?reply|autoresponse|abwesenheitsnotiz|automatische antwort|reponse automatique|respuesta automatica|fuera de (la )?oficina|automatisch antwoord|risposta automatica|fuori ufficio)\b|(?:absence|afwezig) ?(?::|$))/;

/** Phrases that say the writer is away, in folded text. */
const AWAY_PHRASES =
  /\b(out of (the )?office|ooo|automatic reply|automatische antwort|reponse automatique|respuesta automatica|away from (the |my )?(office|desk)|(i am|i'm|currently) (away|out)|on (vacation|holiday|holidays|leave|annual leave|parental leave|sick leave|a business trip)|limited access to (my )?e-?mail|abwesenheitsnotiz|abwesend|nicht im (buro|buero|haus)|au(ss|ß)er haus|im urlaub|urlaubsbedingt|in elternzeit|absent|absente|absence|en conges?|en vacances|hors du bureau|message d'absence|fuera de (la )?oficina|de vacaciones|ausente|afwezig|met vakantie|fuori ufficio|in ferie)\b/;

/** Whether the subject starts as mail programs start automatic replies' subjects. */
export function hasAutomaticSubject(subject: string): boolean {
  return AUTOMATIC_SUBJECT.test(foldText(subject).trim());
}

/** Whether the subject or body says the writer is away (out of office, on holiday…). */
export function saysAway(subject: string, text: string): boolean {
  return AWAY_PHRASES.test(foldText(subject)) || AWAY_PHRASES.test(foldText(text));
}
