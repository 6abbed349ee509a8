// UUIDv7 made on the device (RFC 9562): the op id and the id of a record registered offline. Time-ordered,
// so the server's indexes stay tidy; 74 random bits from the platform's CSPRNG make collisions hopeless.
let lastMs = 0;
let counter = 0;

export function uuidv7(now = Date.now()): string {
  if (now <= lastMs) counter++;
  else {
    lastMs = now;
    counter = 0;
  }
  if (counter > 0xfff) {
    lastMs++;
    counter = 0;
  }
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  const ms = lastMs;
  b[0] = Math.floor(ms / 2 ** 40) & 0xff;
  b[1] = Math.floor(ms / 2 ** 32) & 0xff;
  b[2] = (ms >>> 24) & 0xff;
  b[3] = (ms >>> 16) & 0xff;
  b[4] = (ms >>> 8) & 0xff;
  b[5] = ms & 0xff;
  b[6] = 0x70 | ((counter >>> 8) & 0x0f);
  b[7] = counter & 0xff;
  b[8] = 0x80 | ((b[8] ?? 0) & 0x3f);
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
