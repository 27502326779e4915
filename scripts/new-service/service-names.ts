/** The spellings of one service name that the skeleton's files, classes and constants use. */
export interface ServiceNames {
  /** kebab-case, the folder under apps/ and the name in logs: `loyalty-points` */
  kebab: string;
  /** `LoyaltyPoints` */
  pascal: string;
  /** `loyaltyPoints` */
  camel: string;
  /** `LOYALTY_POINTS` */
  constant: string;
  /** The database schema the service owns: `loyalty_points` */
  schema: string;
}

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function serviceNames(name: string): ServiceNames {
  if (!KEBAB.test(name))
    throw new Error(`"${name}" is not a kebab-case name such as loyalty or loyalty-points`);
  const words = name.split('-');
  const pascal = words.map((word) => word[0].toUpperCase() + word.slice(1)).join('');
  return {
    kebab: name,
    pascal,
    camel: pascal[0].toLowerCase() + pascal.slice(1),
    constant: words.join('_').toUpperCase(),
    schema: words.join('_'),
  };
}
