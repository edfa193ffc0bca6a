/**
 * Every entity id: `prefix:key`, the key lower-case ASCII letters, digits, hyphens or Chinese
 * (Han) characters, so an id generated from a Chinese name stays readable (firm:丽水甲化妆品-莲都区).
 * Dependency-free: the server schemas, the import and the web app all use this one pattern.
 */
export const ID_PATTERN = /^[a-z]+:[a-z0-9\p{Script=Han}][a-z0-9\p{Script=Han}-]*$/u;
