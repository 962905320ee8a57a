// Prints CREATE statements for every model in prisma/schema.prisma, in Prisma's own DDL style,
// for one provider: `tsx scripts/schema-sql.ts sqlite|postgresql`. Used to author the initial
// migration, since `prisma migrate diff` needs the schema engine this machine cannot download.
import { readSchema, type FieldModel, type TableModel } from '../lib/schema-model';

type Provider = 'sqlite' | 'postgresql';

const TYPES: Record<Provider, Record<FieldModel['type'], string>> = {
  sqlite: { Int: 'INTEGER', String: 'TEXT', Boolean: 'BOOLEAN', DateTime: 'DATETIME', Float: 'REAL', Json: 'JSONB' },
  postgresql: { Int: 'INTEGER', String: 'TEXT', Boolean: 'BOOLEAN', DateTime: 'TIMESTAMP(3)', Float: 'DOUBLE PRECISION', Json: 'JSONB' },
};

function defaultClause(field: FieldModel): string {
  const value = field.defaultValue;
  if (value === undefined || field.autoincrement) return '';
  if (value === 'now()') return ' DEFAULT CURRENT_TIMESTAMP';
  if (value.startsWith('"')) return ` DEFAULT '${value.slice(1, -1).replace(/'/g, "''")}'`;
  return ` DEFAULT ${value}`;
}

function column(provider: Provider, table: TableModel, field: FieldModel): string {
  const inlinePk = provider === 'sqlite' && field.isId;
  if (provider === 'postgresql' && field.autoincrement) return `    "${field.name}" SERIAL NOT NULL`;
  return `    "${field.name}" ${TYPES[provider][field.type]}${field.optional ? '' : ' NOT NULL'}${
    inlinePk ? ' PRIMARY KEY' + (field.autoincrement ? ' AUTOINCREMENT' : '') : ''
  }${defaultClause(field)}`;
}

const cols = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

export function createSql(provider: Provider, tables = readSchema()): string {
  const out: string[] = [];
  for (const table of tables) {
    const lines = table.fields.map((f) => column(provider, table, f));
    const inlinePk = provider === 'sqlite' && table.fields.some((f) => f.isId);
    if (!inlinePk) lines.push(`    CONSTRAINT "${table.name}_pkey" PRIMARY KEY (${cols(table.primaryKey)})`);
    if (provider === 'sqlite') {
      for (const fk of table.foreignKeys) {
        lines.push(
          `    CONSTRAINT "${fk.name}" FOREIGN KEY (${cols(fk.fields)}) REFERENCES "${fk.table}" (${cols(fk.references)}) ON DELETE ${fk.onDelete} ON UPDATE CASCADE`,
        );
      }
    }
    out.push(`-- CreateTable\nCREATE TABLE "${table.name}" (\n${lines.join(',\n')}\n);\n`);
  }
  for (const table of tables) {
    for (const index of table.indexes) {
      out.push(`-- CreateIndex\nCREATE ${index.unique ? 'UNIQUE ' : ''}INDEX "${index.name}" ON "${table.name}"(${cols(index.fields)});\n`);
    }
  }
  if (provider === 'postgresql') {
    for (const table of tables) {
      for (const fk of table.foreignKeys) {
        out.push(
          `-- AddForeignKey\nALTER TABLE "${table.name}" ADD CONSTRAINT "${fk.name}" FOREIGN KEY (${cols(fk.fields)}) REFERENCES "${fk.table}"(${cols(fk.references)}) ON DELETE ${fk.onDelete} ON UPDATE CASCADE;\n`,
        );
      }
    }
  }
  return out.join('\n');
}

const provider = process.argv[2];
if (provider === 'sqlite' || provider === 'postgresql') process.stdout.write(createSql(provider));
else if (provider) {
  console.error('usage: tsx scripts/schema-sql.ts sqlite|postgresql');
  process.exit(2);
}
