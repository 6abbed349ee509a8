import type { FastifyRequest } from "fastify";
import type { DocLanguage } from "../documents/words";

/**
 * The language the user chose in the app. The web keeps it in the `tumbuh_lang` cookie (set when the
 * language changes), so a plain download link carries it; anything else is Indonesian.
 */
export const LANGUAGE_COOKIE = "tumbuh_lang";

export function languageOf(req: FastifyRequest): DocLanguage {
  return req.cookies?.[LANGUAGE_COOKIE] === "en" ? "en" : "id";
}
