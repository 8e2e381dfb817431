/** The parts of a resource URN the plugin needs: `urn:pulumi:<stack>::<project>::<type>::<name>`. */

/** The resource's type token: the last type of the qualified type (a child's is `<parent>$<type>`). */
export function typeOfUrn(urn: string): string {
  const qualified = urn.split("::")[2] ?? "";
  return qualified.split("$").pop() ?? "";
}

/** The resource's name as the program gave it (names may themselves hold `::`). */
export function nameOfUrn(urn: string): string {
  return urn.split("::").slice(3).join("::");
}
