/**
 * Decoded objects are filled key by key from the gateway's answer. A plain assignment of the key
 * `__proto__` would set the object's prototype instead of a field (and lose the value); JSON.parse
 * makes it an ordinary own property, and so does this.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
