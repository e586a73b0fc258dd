import { type Static, Type } from "typebox";
import { CATALOG_NAME_MAX_LENGTH, RESPONSE_TEXT_MAX_LENGTH } from "../../../domain/objections/catalog-text.js";
import { OBJECTION_CATEGORIES } from "../../../domain/objections/objection.js";
import { PROOF_ASSET_KINDS } from "../../../domain/objections/proof-asset.js";

const Id = Type.String({ minLength: 1, maxLength: 100 });
const Name = Type.String({ minLength: 1, maxLength: CATALOG_NAME_MAX_LENGTH });
const Category = Type.Enum(OBJECTION_CATEGORIES, { description: "price, timing, authority, competition, trust or need." });
const Kind = Type.Enum(PROOF_ASSET_KINDS, { description: "case_study, testimonial or roi_example." });
const Tag = Type.String({ minLength: 1, maxLength: 100 });
const TagList = (description: string) => Type.Array(Tag, { maxItems: 50, description });

export const CatalogIdParams = Type.Object({ id: Id }, { additionalProperties: false });

export const ResponseVersionDto = Type.Object({
  id: Type.String({ description: "The response version id: log it with the objection so its win rate counts this lead." }),
  responseId: Type.String({ description: "Shared by every wording of one response." }),
  version: Type.Integer(),
  text: Type.String(),
  isCurrent: Type.Boolean({ description: "true for the newest wording of its response." }),
  createdAt: Type.String({ format: "date-time" }),
});

export const ObjectionDto = Type.Object({
  id: Type.String(),
  name: Type.String(),
  category: Type.String(),
  isActive: Type.Boolean(),
  createdAt: Type.String({ format: "date-time" }),
  responses: Type.Array(ResponseVersionDto, { description: "Every version of every response, oldest first." }),
});

export const ObjectionListResponse = Type.Object({ items: Type.Array(ObjectionDto) });

export const CreateObjectionBody = Type.Object({ name: Name, category: Category }, { additionalProperties: false });

export const ChangeObjectionBody = Type.Object(
  { name: Type.Optional(Name), category: Type.Optional(Category), isActive: Type.Optional(Type.Boolean({ description: "false retires it: kept for history, no longer offered." })) },
  { additionalProperties: false },
);

export const AddResponseBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: RESPONSE_TEXT_MAX_LENGTH, description: "The wording." }),
    responseId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: "Reword this response (a new version); leave out to add a new response." })),
  },
  { additionalProperties: false },
);

const Url = Type.String({ minLength: 1, maxLength: 2000, description: "http or https link to the asset." });

const Tags = Type.Object(
  {
    objectionIds: Type.Optional(TagList("Objections it answers.")),
    industries: Type.Optional(TagList("Industries it speaks to (matched against the lead's custom.industry).")),
    stages: Type.Optional(TagList("Stages it fits.")),
  },
  { additionalProperties: false },
);

export const ProofAssetDto = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  url: Type.String(),
  tags: Type.Object({ objectionIds: Type.Array(Type.String()), industries: Type.Array(Type.String()), stages: Type.Array(Type.String()) }),
  createdAt: Type.String({ format: "date-time" }),
});

export const ProofAssetListResponse = Type.Object({ items: Type.Array(ProofAssetDto) });

export const CreateProofAssetBody = Type.Object({ kind: Kind, title: Name, url: Url, tags: Type.Optional(Tags) }, { additionalProperties: false });

export const ChangeProofAssetBody = Type.Object(
  { kind: Type.Optional(Kind), title: Type.Optional(Name), url: Type.Optional(Url), tags: Type.Optional(Tags) },
  { additionalProperties: false },
);

export const LogObjectionBody = Type.Object(
  {
    objectionId: Id,
    responseVersionId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: "The response version used; its win rate counts this lead." })),
    notes: Type.Optional(Type.Union([Type.String({ maxLength: 5000 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const ObjectionLogDto = Type.Object({
  id: Type.String(),
  leadId: Type.String(),
  objectionId: Type.String(),
  responseVersionId: Type.Union([Type.String(), Type.Null()]),
  notes: Type.Union([Type.String(), Type.Null()]),
  loggedAt: Type.String({ format: "date-time" }),
});

export const SuggestionsQuery = Type.Object({ objectionId: Id }, { additionalProperties: false });

export const ResponseSuggestionDto = Type.Object({
  ...ResponseVersionDto.properties,
  wins: Type.Integer(),
  losses: Type.Integer({ description: "Lost or disqualified." }),
  open: Type.Integer(),
  sampleSize: Type.Integer({ description: "Closed leads behind the win rate (wins + losses)." }),
  winRate: Type.Union([Type.Number(), Type.Null()], { description: "wins / (wins + losses); null until a lead that heard it has closed." }),
});

export const SuggestionsResponse = Type.Object({
  industry: Type.Union([Type.String(), Type.Null()], { description: "The lead's custom.industry used to rank proof." }),
  responses: Type.Array(ResponseSuggestionDto, { description: "Best first: win rate, then sample size, then newest." }),
  proofAssets: Type.Array(ProofAssetDto, { description: "Tagged with the objection; the lead's industry first." }),
});

export type ResponseVersionDtoType = Static<typeof ResponseVersionDto>;
export type ObjectionDtoType = Static<typeof ObjectionDto>;
export type ProofAssetDtoType = Static<typeof ProofAssetDto>;
export type ResponseSuggestionDtoType = Static<typeof ResponseSuggestionDto>;
export type ObjectionLogDtoType = Static<typeof ObjectionLogDto>;
