import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's data/ folder (catalogs and region extracts shipped with Tumbuh). */
export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "data");
