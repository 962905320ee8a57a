/**
 * A small reader of prisma/schema.prisma: models, scalar fields, keys and indexes. Used to emit
 * the initial migration SQL for each provider (scripts/schema-sql.ts) and by the test that
 * compares a migrated database with the Prisma models.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ScalarType = 'Int' | 'String' | 'Boolean' | 'DateTime' | 'Float' | 'Json';

export interface FieldModel {
  name: string;
  type: ScalarType;
  optional: boolean;
  isId: boolean;
  autoincrement: boolean;
  unique: boolean;
  updatedAt: boolean;
  /** The raw @default(...) argument, if any. */
  defaultValue?: string;
}

export interface ForeignKey {
  name: string;
  fields: string[];
  table: string;
  references: string[];
  onDelete: string;
}

export interface IndexModel {
  name: string;
  fields: string[];
  unique: boolean;
}

export interface TableModel {
  name: string;
  fields: FieldModel[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
  indexes: IndexModel[];
}

const SCALARS = new Set(['Int', 'String', 'Boolean', 'DateTime', 'Float', 'Json']);

function listArg(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}

function balancedArg(line: string, attribute: string): string | undefined {
  const start = line.indexOf(`${attribute}(`);
  if (start < 0) return undefined;
  let depth = 0;
  for (let i = start + attribute.length; i < line.length; i++) {
    if (line[i] === '(') depth++;
    if (line[i] === ')' && --depth === 0) return line.slice(start + attribute.length + 1, i);
  }
  return undefined;
}

const ON_DELETE: Record<string, string> = {
  Cascade: 'CASCADE',
  SetNull: 'SET NULL',
  Restrict: 'RESTRICT',
  NoAction: 'NO ACTION',
};

export function parseSchema(source: string): TableModel[] {
  const tables: TableModel[] = [];
  const modelRe = /^model (\w+) \{([\s\S]*?)^\}/gm;
  for (const match of source.matchAll(modelRe)) {
    const name = match[1]!;
    const table: TableModel = { name, fields: [], primaryKey: [], foreignKeys: [], indexes: [] };
    for (const raw of match[2]!.split('\n')) {
      const line = raw.replace(/\/\/.*$/, '').trim();
      if (!line) continue;
      if (line.startsWith('@@')) {
        const kind = line.slice(2, line.indexOf('('));
        const fields = listArg(balancedArg(line, `@@${kind}`)!.replace(/^\[|\]$/g, ''));
        if (kind === 'id') table.primaryKey = fields;
        else table.indexes.push({ name: `${name}_${fields.join('_')}_${kind === 'unique' ? 'key' : 'idx'}`, fields, unique: kind === 'unique' });
        continue;
      }
      const [fieldName, rawType] = line.split(/\s+/);
      if (!fieldName || !rawType) continue;
      const baseType = rawType.replace(/[?[\]]/g, '');
      const relation = balancedArg(line, '@relation');
      if (!SCALARS.has(baseType)) {
        const fieldsArg = relation?.match(/fields:\s*\[([^\]]*)\]/);
        if (fieldsArg) {
          const fields = listArg(fieldsArg[1]!);
          table.foreignKeys.push({
            name: `${name}_${fields.join('_')}_fkey`,
            fields,
            table: baseType,
            references: listArg(relation!.match(/references:\s*\[([^\]]*)\]/)![1]!),
            onDelete: ON_DELETE[relation!.match(/onDelete:\s*(\w+)/)?.[1] ?? 'Restrict']!,
          });
        }
        continue;
      }
      const field: FieldModel = {
        name: fieldName,
        type: baseType as ScalarType,
        optional: rawType.endsWith('?'),
        isId: /@id\b/.test(line),
        autoincrement: line.includes('@default(autoincrement())'),
        unique: /@unique\b/.test(line),
        updatedAt: line.includes('@updatedAt'),
        defaultValue: balancedArg(line, '@default'),
      };
      if (field.isId) table.primaryKey = [fieldName];
      if (field.unique) table.indexes.push({ name: `${name}_${fieldName}_key`, fields: [fieldName], unique: true });
      table.fields.push(field);
    }
    tables.push(table);
  }
  return tables;
}

export function readSchema(root = process.cwd()): TableModel[] {
  return parseSchema(readFileSync(join(root, 'prisma/schema.prisma'), 'utf8'));
}
