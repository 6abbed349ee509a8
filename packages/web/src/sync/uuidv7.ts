import { uuidv7Generator } from "@tumbuh/core/uuidv7";

/** UUIDv7 made on the device: the op id and the id of a record registered offline (platform CSPRNG). */
export const uuidv7 = uuidv7Generator((bytes) => crypto.getRandomValues(bytes));
