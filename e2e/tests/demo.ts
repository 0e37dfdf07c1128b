// Accounts and invite codes of the demo district (api-worker/seed/demo.sql), which the browser tests run on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const STAFF = { phone: '13800000001', password: 'yishi2026' };
export const STREET_ADMIN = { phone: '13800000009', password: 'yishi2026' };
export const RESIDENT_3 = { phone: '13900311011', password: '123456' };
export const RESIDENT_5 = { phone: '13900511011', password: '123456' };

/** The unused invite code the seed printed for a household, e.g. `阳光小区 2号楼 2单元 301`. */
export function inviteCode(household: string): string {
  const seed = readFileSync(join(__dirname, '../../api-worker/seed/demo.sql'), 'utf-8').split('\n');
  const at = seed.indexOf(`-- ${household}`);
  const match = at >= 0 ? /VALUES \('([2-9A-Z]{8})'/.exec(seed[at + 1]) : null;
  if (!match) throw new Error(`no invite code for ${household} in the demo seed`);
  return match[1];
}
export const GRID_WORKER = { phone: '13800000011', password: 'yishi2026', name: '孙丽娟' };
/** Lives in 阳光小区 3号楼 1单元 201 and has no phone. */
export const ELDER = '何桂英';
