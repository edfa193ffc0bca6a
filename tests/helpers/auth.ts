import type { Role } from "../../server/auth/roles.ts";
import { DEFAULT_SECURITY, type SecurityConfig } from "../../server/auth/security-config.ts";
import { hashToken, newToken } from "../../server/auth/tokens.ts";

/** One fresh token per role for this test run; pass `testSecurity()` as Config.security. */
export const TEST_TOKENS: Record<Role, string> = { viewer: newToken(), editor: newToken(), admin: newToken() };

export function testSecurity(overrides: Partial<SecurityConfig> = {}): SecurityConfig {
  return {
    ...DEFAULT_SECURITY,
    tokens: (Object.keys(TEST_TOKENS) as Role[]).map((role) => ({
      name: `test-${role}`,
      role,
      sha256: hashToken(TEST_TOKENS[role]),
    })),
    ...overrides,
  };
}

/** Headers for app.inject carrying the test token of a role. */
export function bearer(role: Role): { authorization: string } {
  return { authorization: `Bearer ${TEST_TOKENS[role]}` };
}
