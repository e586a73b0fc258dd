import type { Form } from "../domain/forms/form.js";
import type { Executor } from "./engine.js";
import type { FormTable } from "./schema.js";

function formRowToForm(row: FormTable): Form {
  return {
    id: row.id,
    formKey: row.form_key,
    name: row.name,
    source: row.source,
    campaign: row.campaign,
    thankYouUrl: row.thank_you_url,
    isActive: row.is_active === 1,
    createdAt: row.created_at,
  };
}

function formToRow(form: Form): FormTable {
  return {
    id: form.id,
    form_key: form.formKey,
    name: form.name,
    source: form.source,
    campaign: form.campaign,
    thank_you_url: form.thankYouUrl,
    is_active: form.isActive ? 1 : 0,
    created_at: form.createdAt,
  };
}

/** Inserts a form. */
export async function insertForm(db: Executor, form: Form): Promise<void> {
  await db.insertInto("forms").values(formToRow(form)).execute();
}

/** Writes every field of a form. */
export async function updateForm(db: Executor, form: Form): Promise<void> {
  const { id, ...row } = formToRow(form);
  await db.updateTable("forms").set(row).where("id", "=", id).execute();
}

/** Finds a form by its public key. */
export async function findFormByKey(db: Executor, formKey: string): Promise<Form | undefined> {
  const row = await db.selectFrom("forms").selectAll().where("form_key", "=", formKey).executeTakeFirst();
  return row && formRowToForm(row);
}

/** Finds a form by id. */
export async function findFormById(db: Executor, id: string): Promise<Form | undefined> {
  const row = await db.selectFrom("forms").selectAll().where("id", "=", id).executeTakeFirst();
  return row && formRowToForm(row);
}

/** All forms, newest first. */
export async function listForms(db: Executor): Promise<Form[]> {
  const rows = await db.selectFrom("forms").selectAll().orderBy("created_at", "desc").orderBy("id", "desc").execute();
  return rows.map(formRowToForm);
}
