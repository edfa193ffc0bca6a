import { ENTITY_LABELS, RELATIONSHIP_TYPES, type RelationshipType } from "../../model/domain.ts";

/** Labels for the types a client asked for; everything when it asked for nothing. */
export function labelsFor(types: string[] | undefined, fallback: readonly string[] = ENTITY_LABELS): string[] {
  if (!types || types.length === 0) return [...fallback];
  return ENTITY_LABELS.filter((label) => types.includes(label.toLowerCase()));
}

/** Relationship types a client asked for; every type when it asked for nothing. */
export function relTypesFor(relTypes: string[] | undefined): RelationshipType[] {
  if (!relTypes || relTypes.length === 0) return [...RELATIONSHIP_TYPES];
  return RELATIONSHIP_TYPES.filter((type) => relTypes.includes(type));
}
