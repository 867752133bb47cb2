import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import type { Database } from '../db/client.ts';
import { ConflictError, CsvInvalidError, ValidationFailedError, type Issue } from '../http/errors.ts';
import type { Actor } from '../policies/policies.ts';
import { validateFrameworkDocument, type FrameworkDocument } from './framework-document.ts';
import { itemLine, parseItemsCsv } from './items-csv.ts';
import { frameworkVersions } from './schema.ts';
import { getFrameworkVersion, type FrameworkVersionRow } from './store.ts';

/** A version as the API shows it: the row's facts, and the document with them filled in. */
export function presentFrameworkVersion(row: FrameworkVersionRow) {
  return {
    framework: {
      id: row.id,
      key: row.key,
      name: row.name,
      version: row.version,
      status: row.status,
      builtIn: row.tenantId === null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      publishedAt: row.publishedAt?.toISOString() ?? null,
    },
    document: documentOf(row),
  };
}

/** The stored document, with key, name, version and status always those of the row. */
export function documentOf(row: FrameworkVersionRow): FrameworkDocument {
  return { ...(row.document as FrameworkDocument), key: row.key, name: row.name, version: row.version, status: row.status };
}

function requireValid(input: unknown): FrameworkDocument {
  const { document, issues } = validateFrameworkDocument(input);
  if (!document) {
    throw new ValidationFailedError(
      `The framework has ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was saved. Fix the fields listed and try again.`,
      issues,
    );
  }
  return document;
}

/** Loads a version the tenant owns and may change: its own draft. */
async function loadOwnDraft(db: Pick<Database, 'select'>, actor: Actor, id: string): Promise<FrameworkVersionRow> {
  const row = await getFrameworkVersion(db as Database, actor.tenantId, id);
  if (row.tenantId === null) throw new ConflictError('The built-in framework is read-only. Create a draft from it and edit that.');
  if (row.status !== 'draft') {
    throw new ConflictError(`Version ${row.version} of "${row.name}" is ${row.status}, and ${row.status} versions never change. Create a new draft from it to make changes.`);
  }
  return row;
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * The next version number of a framework key as this tenant sees it (its own versions and
 * the built-in ones), taken under a per-key lock so two admins cannot get the same number,
 * and refused while a draft of that key is still open: one draft at a time keeps "the next
 * version" unambiguous.
 */
async function nextVersion(tx: Tx, tenantId: string, key: string): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`framework:${tenantId}:${key}`}))`);
  const rows = await tx
    .select({ version: frameworkVersions.version, status: frameworkVersions.status, tenantId: frameworkVersions.tenantId })
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.key, key), or(eq(frameworkVersions.tenantId, tenantId), isNull(frameworkVersions.tenantId))));
  const openDraft = rows.find((r) => r.status === 'draft' && r.tenantId === tenantId);
  if (openDraft) {
    throw new ConflictError(`Version ${openDraft.version} of this framework is already a draft. Edit or delete that draft first.`);
  }
  return Math.max(0, ...rows.map((r) => r.version)) + 1;
}

async function insertDraft(tx: Tx, actor: Actor, document: FrameworkDocument): Promise<FrameworkVersionRow> {
  const version = await nextVersion(tx, actor.tenantId, document.key);
  const stored: FrameworkDocument = { ...document, version, status: 'draft' };
  const [row] = await tx
    .insert(frameworkVersions)
    .values({ tenantId: actor.tenantId, key: document.key, version, name: document.name, status: 'draft', document: stored, createdBy: actor.userId })
    .returning();
  return row!;
}

/**
 * A new draft from any version the tenant can see: the next version of the same framework,
 * or, with a new key and name, version 1 of a new framework.
 */
export async function createDraft(db: Database, actor: Actor, sourceId: string, options: { key?: string; name?: string } = {}): Promise<FrameworkVersionRow> {
  const source = await getFrameworkVersion(db, actor.tenantId, sourceId);
  const document = requireValid({ ...documentOf(source), key: options.key ?? source.key, name: options.name ?? source.name, status: 'draft' });
  const row = await db.transaction((tx) => insertDraft(tx, actor, document));
  await recordAudit(db, actor, 'framework.draft_created', { type: 'framework_version', id: row.id }, { from: source.id, version: row.version });
  return row;
}

/** Replaces a draft's document; an invalid one is refused whole, with every bad path. */
export async function updateDraft(db: Database, actor: Actor, id: string, input: unknown): Promise<FrameworkVersionRow> {
  return db.transaction(async (tx) => {
    const row = await loadOwnDraft(tx, actor, id);
    const document = requireValid(input);
    if (document.key !== row.key) {
      throw new ValidationFailedError('The key of a framework cannot change; create a draft with a new key instead.', [{ path: '/key', message: `must stay "${row.key}"` }]);
    }
    const stored: FrameworkDocument = { ...document, version: row.version, status: 'draft' };
    const [updated] = await tx
      .update(frameworkVersions)
      .set({ document: stored, name: document.name, updatedAt: new Date() })
      .where(and(eq(frameworkVersions.id, row.id), eq(frameworkVersions.status, 'draft')))
      .returning();
    return updated!;
  });
}

/** Publishes a draft: validated once more, then immutable; cycles can pin it from now on. */
export async function publishDraft(db: Database, actor: Actor, id: string): Promise<FrameworkVersionRow> {
  const row = await db.transaction(async (tx) => {
    const draft = await loadOwnDraft(tx, actor, id);
    const document = requireValid(documentOf(draft));
    const [published] = await tx
      .update(frameworkVersions)
      .set({ status: 'published', document: { ...document, status: 'published' }, publishedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(frameworkVersions.id, draft.id), eq(frameworkVersions.status, 'draft')))
      .returning();
    return published!;
  });
  await recordAudit(db, actor, 'framework.published', { type: 'framework_version', id: row.id }, { key: row.key, version: row.version });
  return row;
}

/** Retires a published version: cycles that pinned it keep working; new cycles cannot use it. */
export async function retireVersion(db: Database, actor: Actor, id: string): Promise<FrameworkVersionRow> {
  const row = await getFrameworkVersion(db, actor.tenantId, id);
  if (row.tenantId === null) throw new ConflictError('The built-in framework cannot be retired.');
  if (row.status !== 'published') throw new ConflictError(`Only a published version can be retired; this one is ${row.status}.`);
  const [retired] = await db
    .update(frameworkVersions)
    .set({ status: 'retired', document: { ...documentOf(row), status: 'retired' }, updatedAt: new Date() })
    .where(and(eq(frameworkVersions.id, row.id), eq(frameworkVersions.status, 'published')))
    .returning();
  if (!retired) throw new ConflictError('This version changed meanwhile; reload and try again.');
  await recordAudit(db, actor, 'framework.retired', { type: 'framework_version', id: row.id });
  return retired;
}

/** Deletes a draft (published and retired versions stay forever: cycles refer to them). */
export async function deleteDraft(db: Database, actor: Actor, id: string): Promise<void> {
  const row = await loadOwnDraft(db, actor, id);
  await db.delete(frameworkVersions).where(and(eq(frameworkVersions.id, row.id), eq(frameworkVersions.status, 'draft')));
  await recordAudit(db, actor, 'framework.draft_deleted', { type: 'framework_version', id: row.id });
}

/** Imports a framework JSON document as a draft (the next version of its key). */
export async function importFramework(db: Database, actor: Actor, input: unknown): Promise<FrameworkVersionRow> {
  const document = requireValid(input);
  const row = await db.transaction((tx) => insertDraft(tx, actor, document));
  await recordAudit(db, actor, 'framework.imported', { type: 'framework_version', id: row.id }, { key: row.key, version: row.version });
  return row;
}

/** Replaces a draft's items with those of a CSV (all-or-nothing, problems by line and column). */
export async function importItemsCsv(db: Database, actor: Actor, id: string, csv: string): Promise<FrameworkVersionRow> {
  const draft = await loadOwnDraft(db, actor, id);
  const document = documentOf(draft);
  const parsed = parseItemsCsv(csv, document.languages);
  if (!parsed.ok) throw new CsvInvalidError(parsed.problems);
  const { issues } = validateFrameworkDocument({ ...document, items: parsed.items });
  if (issues.length > 0) {
    // Problems of the items are told by CSV line and column; the others (a competency left
    // with too few items, say) by their place in the framework.
    throw new CsvInvalidError(
      issues.map((issue: Issue) => {
        const at = itemLine(issue.path, parsed.lines, document.languages);
        return at ? { ...at, message: issue.message } : { line: 1, column: '', message: `${issue.path}: ${issue.message}` };
      }),
    );
  }
  return updateDraft(db, actor, id, { ...document, items: parsed.items });
}
