// UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then a 12-bit counter that keeps ids made within one
// millisecond (or after the clock steps back) in order — audit pages and sync cursors rely on id order —
// then 62 random bits. The server and the phone make ids the same way; only their random source differs.

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** A UUIDv7 maker drawing random bytes from `fillRandom` (it must fill all 16 bytes it is given). */
export function uuidv7Generator(fillRandom: (bytes: Uint8Array) => void): (now?: number) => string {
  let lastMs = 0;
  let seq = 0;
  const b = new Uint8Array(16);
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
    let h = "";
    for (let i = 0; i < 16; i++) {
      h += HEX[b[i] ?? 0];
      if (i === 3 || i === 5 || i === 7 || i === 9) h += "-";
    }
    return h;
  };
}
