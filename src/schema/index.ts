/** Schema snapshot (from the catalogs), structured diff, and their text forms. */
export {
  BOOKKEEPING_SCHEMAS,
  SCHEMA_OBJECT_KINDS,
  canonicalConstraintDef,
  findObject,
  snapshotSchema,
  type SchemaObject,
  type SchemaObjectKind,
  type SchemaSnapshot,
  type SnapshotOptions
} from './snapshot.js'
export { diffSnapshots, isEmptyDiff, type SchemaChange, type SchemaDiff } from './diff.js'
export { renderDiff, renderSnapshotSql } from './render.js'
