import { ROLES, type Role } from "./roles.ts";
import { hashToken, newToken } from "./tokens.ts";

// npx tsx server/auth/new-token.ts <name> <viewer|editor|admin>
// Prints a fresh token (give it to its holder once) and the AUTH_TOKENS entry that stores only its hash.
const [name, role] = process.argv.slice(2);
if (!name || !/^[\w.@-]{1,64}$/.test(name) || !ROLES.includes(role as Role)) {
  console.error(`usage: npx tsx server/auth/new-token.ts <name> <${ROLES.join("|")}>`);
  process.exit(1);
}
const token = newToken();
console.log(`token (give to ${name}, shown once): ${token}`);
console.log(`AUTH_TOKENS entry: ${name}:${role}:${hashToken(token).toString("hex")}`);
