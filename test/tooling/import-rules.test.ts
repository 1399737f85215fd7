/** The import rules of DESIGN.md are enforced by ESLint: prove each rule fires on a violation. */
import { ESLint } from 'eslint';

const eslint = new ESLint();
async function messages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import rules', () => {
  it('shared/ may not import Node, Electron or React', async () => {
    expect(await messages("import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'shared/format/x.ts')).toHaveLength(1);
    expect(await messages("import { app } from 'electron';\nexport const x = app;\n", 'shared/x.ts')).toHaveLength(1);
    expect(await messages("import React from 'react';\nexport const x = React;\n", 'shared/layout/x.ts')).toHaveLength(1);
  });
  it('renderer/ may not import Node, Electron or backend code', async () => {
    expect(await messages("import path from 'path';\nexport const x = path;\n", 'renderer/src/x.ts')).toHaveLength(1);
    expect(await messages("import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n", 'renderer/src/x.tsx')).toHaveLength(1);
    expect(await messages("import { createBackend } from '../../electron/backend/index';\nexport const x = createBackend;\n", 'renderer/src/x.ts')).toHaveLength(1);
  });
  it('electron/backend may not import electron', async () => {
    expect(await messages("import { app } from 'electron';\nexport const x = app;\n", 'electron/backend/x.ts')).toHaveLength(1);
  });
  it('allowed imports pass', async () => {
    expect(await messages("import { z } from 'zod';\nexport const x = z;\n", 'shared/x.ts')).toHaveLength(0);
    expect(await messages("import { app } from 'electron';\nexport const x = app;\n", 'electron/main/x.ts')).toHaveLength(0);
    expect(await messages("import Database from 'better-sqlite3';\nexport const x = Database;\n", 'electron/backend/x.ts')).toHaveLength(0);
  });
});
