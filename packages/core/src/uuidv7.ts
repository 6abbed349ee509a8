// UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then a 12-bit counter that keeps ids made within one
// millisecond (or after the clock steps back) in order — audit pages and sync cursors rely on id order —
// then 62 random bits. The server and the phone make ids the same way; only their random source differs.

/** The two hex digits of each byte value, as character codes. */
const HI = Uint8Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0").charCodeAt(0));
const LO = Uint8Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0").charCodeAt(1));
/** Byte i's digits go to position AT[i] of the text (dashes after bytes 4, 6, 8 and 10). */
const AT = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];

/** A UUIDv7 maker drawing random bytes from `fillRandom` (it must fill all 16 bytes it is given). */
export function uuidv7Generator(fillRandom: (bytes: Uint8Array) => void): (now?: number) => string {
  let lastMs = 0;
  let seq = 0;
  const b = new Uint8Array(16);
  const chars = new Array<number>(36).fill(45); // "-"
  return (now = Date.now()) => {
    if (now <= lastMs) {
      seq++;
      if (seq > 0xfff) {
        lastMs++;
        seq = 0;
      }
    } else {
      lastMs = now;
      seq = 0;
    }
    fillRandom(b);
    const ms = lastMs;
    b[0] = Math.floor(ms / 2 ** 40) & 0xff;
    b[1] = Math.floor(ms / 2 ** 32) & 0xff;
    b[2] = (ms >>> 24) & 0xff;
    b[3] = (ms >>> 16) & 0xff;
    b[4] = (ms >>> 8) & 0xff;
    b[5] = ms & 0xff;
    b[6] = 0x70 | ((seq >>> 8) & 0x0f);
    b[7] = seq & 0xff;
    b[8] = 0x80 | ((b[8] ?? 0) & 0x3f);
    // One flat string from character codes: appending 20 pieces made a chain of 20 strings per id (an
    // import's 60k ids were 40 MB of garbage, and each was copied flat again when first used as a Map key).
    for (let i = 0; i < 16; i++) {
      const v = b[i] as number;
      const at = AT[i] as number;
      chars[at] = HI[v] as number;
      chars[at + 1] = LO[v] as number;
    }
    return String.fromCharCode.apply(null, chars);
  };
}
