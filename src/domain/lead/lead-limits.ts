/** Maximum lengths of lead fields, shared by the API schemas, CSV import and form capture. */
export const LEAD_FIELD_MAX_LENGTH = {
  email: 254,
  phone: 40,
  firstName: 100,
  lastName: 100,
  name: 200,
  company: 200,
  title: 200,
  country: 100,
  source: 100,
  campaign: 200,
  channel: 50,
  message: 5000,
  utmSource: 200,
  utmMedium: 200,
  utmCampaign: 200,
  utmTerm: 200,
  utmContent: 200,
} as const;

/** Unknown fields are kept in `custom` up to this many bytes of JSON. */
export const CUSTOM_FIELDS_MAX_BYTES = 8 * 1024;

/** Custom field names longer than this are refused. */
export const CUSTOM_FIELD_NAME_MAX_LENGTH = 100;
