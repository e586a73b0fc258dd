import { Liquid, LiquidError, type Template } from "liquidjs";
import type { Lead } from "../lead/lead.js";
import { invalidField } from "../errors.js";
import type { ProofAsset } from "../objections/proof-asset.js";
import type { SequenceStep } from "./sequence.js";

/** The variables a sequence template may use, as the editor lists them. */
export const TEMPLATE_VARIABLES = [
  { name: "lead.firstName", description: "The lead's first name" },
  { name: "lead.lastName", description: "The lead's last name" },
  { name: "lead.name", description: "The lead's first and last name" },
  { name: "lead.email", description: "The lead's email address" },
  { name: "lead.company", description: "The lead's company" },
  { name: "lead.title", description: "The lead's job title" },
  { name: "lead.source", description: "Where the lead came from" },
  { name: "lead.campaign", description: "The campaign that brought the lead" },
  { name: "lead.country", description: "The lead's country" },
  { name: "owner.name", description: "The lead owner's full name" },
  { name: "owner.firstName", description: "The lead owner's first name" },
  { name: "owner.email", description: "The lead owner's email address" },
  { name: "company.name", description: "Your company's name (workspace settings)" },
  { name: "unsubscribeUrl", description: "The link that takes the lead off every sequence" },
] as const satisfies readonly { name: string; description: string }[];

export type TemplateVariableName = (typeof TEMPLATE_VARIABLES)[number]["name"];

/** The values for one lead; null (or blank) means this lead has no value. */
export type TemplateVariables = Record<TemplateVariableName, string | null>;

const KNOWN_NAMES = new Set<string>(TEMPLATE_VARIABLES.map((variable) => variable.name));

/**
 * Liquid with no surprises in a sales email: an unknown filter fails at parse, a variable with
 * no value fails at render (absent values are left out of the scope), except straight into
 * `| default: "…"` or in an `{% if %}` test (`lenientIf`). Plain text, so nothing is HTML-escaped.
 * Templates cannot reach files: `include`, `render` and `layout` do not exist here.
 */
const engine = new Liquid({ strictVariables: true, strictFilters: true, ownPropertyOnly: true, lenientIf: true, renderLimit: 1_000, memoryLimit: 10_000_000 });
for (const fileTag of ["include", "render", "layout"]) delete engine.tags[fileTag];

/** Parsed templates by source: a sequence's few templates are rendered for thousands of leads. */
const parsed = new Map<string, Template[]>();
const MAX_PARSED = 1_000;

function parse(source: string): Template[] {
  let templates = parsed.get(source);
  if (templates === undefined) {
    templates = engine.parse(source);
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(source, templates);
  }
  return templates;
}

/** `lead.firstName.size` is the length of a known variable; anything else must be a known name. */
function isKnownVariable(path: string): boolean {
  return KNOWN_NAMES.has(path) || KNOWN_NAMES.has(path.replace(/\.(size|first|last)$/, ""));
}

/**
 * Checks a template when a sequence is saved: it parses, and uses only known variables and
 * filters. `unsetVariables` are workspace values nobody has filled in yet (company.name): a
 * template that would print one without a default is refused now rather than paused later.
 */
export function checkTemplate(source: string, field: string, unsetVariables: readonly TemplateVariableName[] = []): void {
  let templates: Template[];
  try {
    templates = parse(source);
  } catch (error) {
    if (error instanceof LiquidError) throw invalidField(field, `is not a valid template: ${error.message}`);
    throw error;
  }
  const used = engine.globalFullVariablesSync(templates);
  const unknown = used.find((path) => !isKnownVariable(path));
  if (unknown !== undefined) throw invalidField(field, `uses the unknown variable ${unknown}; known: ${[...KNOWN_NAMES].join(", ")}`);
  const unset = unsetVariables.filter((name) => used.some((path) => path.startsWith(name)));
  if (unset.length > 0) checkUnsetVariables(source, field, unset);
}

/** A trial render with every other value present finds an unset value printed without a default. */
function checkUnsetVariables(source: string, field: string, unset: readonly TemplateVariableName[]): void {
  const sample = Object.fromEntries(TEMPLATE_VARIABLES.map(({ name }) => [name, unset.includes(name) ? null : name])) as TemplateVariables;
  const result = renderTemplate(source, sample);
  const missing = unset.find((name) => !result.isRendered && result.problem.startsWith(`${name} `));
  if (missing !== undefined) throw invalidField(field, `uses ${missing}, which is not set in the workspace settings; set it there, or write {{ ${missing} | default: "…" }}`);
}

/** The render scope: `{ lead: { firstName: "Ana" }, owner: {}, … }` with blank values left out, so strictVariables names them. */
function scopeOf(variables: TemplateVariables): Record<string, unknown> {
  const scope: Record<string, Record<string, string> | string> = { lead: {}, owner: {}, company: {} };
  for (const [name, value] of Object.entries(variables)) {
    if (value === null || value.trim() === "") continue;
    const [head, key] = name.split(".") as [string, string | undefined];
    if (key === undefined) scope[head] = value;
    else (scope[head] as Record<string, string>)[key] = value;
  }
  return scope;
}

export type RenderResult = { isRendered: true; text: string } | { isRendered: false; problem: string };

/** Renders a (checked) template for one lead; a value this lead lacks is a problem, never a blank. */
export function renderTemplate(source: string, variables: TemplateVariables): RenderResult {
  try {
    return { isRendered: true, text: String(engine.renderSync(parse(source), scopeOf(variables))) };
  } catch (error) {
    if (!(error instanceof LiquidError)) throw error;
    const missing = /undefined variable: ([^,]+)/.exec(error.message)?.[1];
    if (missing === undefined) return { isRendered: false, problem: error.message };
    return { isRendered: false, problem: `${missing} has no value for this lead; fill it in, or write {{ ${missing} | default: "…" }} in the template` };
  }
}

/** The template values of one lead, its owner and the workspace. */
export function templateVariablesOf(input: {
  lead: Pick<Lead, "firstName" | "lastName" | "email" | "company" | "title" | "source" | "campaign" | "country">;
  owner: { name: string; email: string } | null;
  companyName: string | null;
  unsubscribeUrl: string | null;
}): TemplateVariables {
  const { lead, owner } = input;
  const fullName = [lead.firstName, lead.lastName].filter((part) => part !== null && part.trim() !== "").join(" ");
  return {
    "lead.firstName": lead.firstName,
    "lead.lastName": lead.lastName,
    "lead.name": fullName === "" ? null : fullName,
    "lead.email": lead.email,
    "lead.company": lead.company,
    "lead.title": lead.title,
    "lead.source": lead.source,
    "lead.campaign": lead.campaign,
    "lead.country": lead.country,
    "owner.name": owner?.name ?? null,
    "owner.firstName": owner?.name.trim().split(/\s+/)[0] ?? null,
    "owner.email": owner?.email ?? null,
    "company.name": input.companyName,
    unsubscribeUrl: input.unsubscribeUrl,
  };
}

export type RenderedStep = { isRendered: true; subject: string; text: string } | { isRendered: false; problem: string };

/**
 * A step as the lead (or, for a task, the owner) will read it: the subject on one line, the body,
 * and under it the title and link of each proof asset the step links, in the step's order.
 */
export function renderStep(
  step: Pick<SequenceStep, "channel" | "subject" | "body" | "proofAssetIds">,
  variables: TemplateVariables,
  proofAssets: readonly Pick<ProofAsset, "id" | "title" | "url">[],
): RenderedStep {
  const subject = step.channel === "email" ? renderTemplate(step.subject, variables) : ({ isRendered: true, text: "" } as const);
  if (!subject.isRendered) return { isRendered: false, problem: `subject: ${subject.problem}` };
  const body = renderTemplate(step.body, variables);
  if (!body.isRendered) return { isRendered: false, problem: `body: ${body.problem}` };
  const linked = step.proofAssetIds.flatMap((id) => proofAssets.filter((asset) => asset.id === id));
  const proof = linked.map((asset) => `${asset.title}\n${asset.url}`).join("\n\n");
  const text = proof === "" ? body.text : `${body.text.trimEnd()}\n\n${proof}`;
  return { isRendered: true, subject: subject.text.replace(/\s+/g, " ").trim(), text };
}
