import { describe, expect, it } from "vitest";
import { decodeText } from "./decode-text";

describe("decodeText (CSV and HTML exports)", () => {
  it("reads UTF-8 with or without a byte-order mark, UTF-16LE with one, else Windows-1252", () => {
    expect(decodeText(Buffer.from("\ufeffSiti Aminah,Désa", "utf8"))).toBe("Siti Aminah,Désa");
    expect(decodeText(Buffer.from("Désa Sandeley", "utf8"))).toBe("Désa Sandeley");
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Nama,JK", "utf16le")]))).toBe(
      "Nama,JK",
    );
    // "Désa" as Windows-1252 writes it (é = 0xE9): not UTF-8, so never read as UTF-8 with "�".
    expect(decodeText(Buffer.from([0x44, 0xe9, 0x73, 0x61]))).toBe("Désa");
  });
});
