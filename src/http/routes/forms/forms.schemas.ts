import { Type } from "typebox";

const optionalText = (maxLength: number) => Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength }), Type.Null()]));

export const FormDto = Type.Object({
  id: Type.String(),
  formKey: Type.String(),
  name: Type.String(),
  source: Type.Union([Type.String(), Type.Null()]),
  campaign: Type.Union([Type.String(), Type.Null()]),
  thankYouUrl: Type.Union([Type.String(), Type.Null()]),
  isActive: Type.Boolean(),
  createdAt: Type.String({ format: "date-time" }),
  endpointUrl: Type.String({ description: "Where the website posts (urlencoded or JSON)." }),
  snippetHtml: Type.String({ description: "An HTML form to paste into a website, honeypot included." }),
  activitySnippetHtml: Type.String({ description: "The script tag to put on every page of the website: it records a captured visitor's page views." }),
});

export const CreateFormBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    source: optionalText(100),
    campaign: optionalText(200),
    thankYouUrl: optionalText(2000),
  },
  { additionalProperties: false },
);

export const ChangeFormBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    source: optionalText(100),
    campaign: optionalText(200),
    thankYouUrl: optionalText(2000),
    isActive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const FormIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });

export const FormListResponse = Type.Object({ items: Type.Array(FormDto) });

export const FormKeyParams = Type.Object({ formKey: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });

/** Whatever the website's form sends: strings (urlencoded) or JSON values. */
export const FormSubmissionBody = Type.Record(Type.String({ maxLength: 100 }), Type.Unknown());
