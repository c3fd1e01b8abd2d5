/**
 * fast-check generators of current/desired states for the property tests.
 * Values are drawn from small pools so that equal and different values both
 * occur often; desired copies of current values get their object keys in
 * another order, which must not count as a change.
 */
import fc from "fast-check";

type Item = Record<string, unknown>;

export const metadataArb = fc.dictionary(
  fc.constantFrom("a", "b", "c", "tier"),
  fc.oneof(
    fc.integer({ min: 0, max: 2 }),
    fc.constantFrom("x", "y"),
    fc.array(fc.integer({ min: 0, max: 1 }), { maxLength: 2 }),
    fc.constant({ n: 1, m: "z" }),
  ),
  { maxKeys: 3 },
);

/** Writable address fields; any may be missing, postalCode may be null (the API returns null for unset fields). */
export const addressFieldsArb: fc.Arbitrary<Item> = fc.record(
  {
    street: fc.constantFrom("Reforma 1", "Juárez 5"),
    city: fc.constantFrom("CDMX", "Puebla"),
    postalCode: fc.constantFrom("06600", null),
    isPrimary: fc.boolean(),
    type: fc.constantFrom("home", "business"),
    metadata: metadataArb,
  },
  { requiredKeys: [] },
);

export const contactFieldsArb: fc.Arbitrary<Item> = fc.record(
  {
    value: fc.constantFrom("a@b.mx", "+52 55 1234 5678"),
    label: fc.constantFrom("work", "home"),
    isPrimary: fc.boolean(),
    metadata: metadataArb,
  },
  { requiredKeys: [] },
);

export const clientFieldsArb: fc.Arbitrary<Item> = fc.record(
  {
    name: fc.constantFrom("Acme SA", "Acme SA de CV"),
    metadata: metadataArb,
    scopes: fc.constantFrom(["MX"], ["MX", "US"], ["US", "MX"]),
  },
  { requiredKeys: [] },
);

/** Object keys reversed at every level: same canonical JSON, different key order. */
export function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, inner]) => [key, reverseKeys(inner)]),
  );
}

export interface ArrayCase {
  readonly current: Item[];
  readonly desired: Item[];
}

/**
 * Current items (unique ids; unique externalIds, some items without one) and
 * desired items keyed by externalId: kept as they are, changed, or new;
 * current items left out are to be deleted.
 */
export function arrayCaseArb(
  prefix: string,
  fieldsArb: fc.Arbitrary<Item>,
  maxLength: number,
): fc.Arbitrary<ArrayCase> {
  const currentArb = fc
    .array(fc.record({ fields: fieldsArb, hasExternalId: fc.boolean() }), {
      maxLength,
    })
    .map((specs) =>
      specs.map(({ fields, hasExternalId }, index) => ({
        id: `${prefix}-id-${index}`,
        ...(hasExternalId ? { externalId: `${prefix}-ext-${index}` } : {}),
        ...fields,
        createdAt: "2024-01-01T00:00:00Z",
        updatedAt: `2024-01-0${(index % 9) + 1}T00:00:00Z`,
      })),
    );
  return currentArb.chain((current) => {
    const withExternalId = current.filter(
      (item) => item.externalId !== undefined,
    );
    const fate = fc.array(fc.constantFrom("keep", "tweak", "change", "drop"), {
      minLength: withExternalId.length,
      maxLength: withExternalId.length,
    });
    const changes = fc.array(fieldsArb, {
      minLength: withExternalId.length,
      maxLength: withExternalId.length,
    });
    const created = fc.array(fieldsArb, {
      maxLength: Math.max(1, Math.floor(maxLength / 2)),
    });
    return fc
      .tuple(fate, changes, created, fc.boolean())
      .map(([fates, changed, news, newFirst]) => {
        const kept: Item[] = [];
        withExternalId.forEach((item, index) => {
          if (fates[index] === "drop") return;
          const fields =
            fates[index] === "keep"
              ? writableCopy(item)
              : fates[index] === "tweak"
                ? { ...writableCopy(item), ...firstFieldOf(changed[index]!) }
                : changed[index]!;
          kept.push({
            externalId: item.externalId,
            ...(reverseKeys(fields) as Item),
          });
        });
        const fresh = news.map((fields, index) => ({
          externalId: `${prefix}-new-${index}`,
          ...fields,
        }));
        return {
          current,
          desired: newFirst ? [...fresh, ...kept] : [...kept, ...fresh],
        };
      });
  });
}

/** One field of a generated set: a change of a single field (others as they are). */
function firstFieldOf(fields: Item): Item {
  const [first] = Object.entries(fields);
  return first === undefined ? {} : { [first[0]]: first[1] };
}

function writableCopy(item: Item): Item {
  const {
    id: _id,
    externalId: _externalId,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    ...fields
  } = item;
  return fields;
}
