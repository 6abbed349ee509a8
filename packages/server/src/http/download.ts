import type { FastifyReply } from "fastify";

/** A file a route sends: its name comes from documents/file-name.ts `downloadName`. */
export interface DownloadFile {
  fileName: string;
  contentType: string;
  body: Buffer | string;
}

/**
 * The one way a route sends a download: the file name as an attachment, never cached (every download is
 * audited and may hold personal data). The names are ASCII slugs already; quotes and backslashes are
 * dropped all the same so a header can never be broken by a name.
 */
export function sendDownload(reply: FastifyReply, file: DownloadFile): FastifyReply {
  const safe = file.fileName.replace(/["\\\r\n]/g, "");
  return reply
    .header("content-type", file.contentType)
    .header("content-disposition", `attachment; filename="${safe}"`)
    .header("cache-control", "no-store")
    .send(file.body);
}
