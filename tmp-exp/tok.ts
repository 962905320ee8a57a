import { createSession } from '../lib/auth/session';
import { db } from '../lib/db';
const u = await db().user.findUniqueOrThrow({ where: { email: 'ed@x.test' } });
console.log(await createSession(u.id));
const s = await db().section.findFirstOrThrow({ where: { parentId: null } });
console.log(s.id);
