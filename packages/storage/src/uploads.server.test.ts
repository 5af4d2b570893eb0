import { describe, expect, it } from "vitest";
import { cleanFileName, contentMatches, FormTooLargeError, readUploadForm, singleUpload, sniffImage, typeByName } from "./uploads.server.ts";

function multipart(parts: { name: string; fileName?: string; body: string }[]) {
  const form = new FormData();
  for (const part of parts) form.append(part.name, part.fileName === undefined ? String(part.body) : new File([part.body], part.fileName));
  return new Request("http://test/upload", { method: "POST", body: form });
}

const limits = { fileFields: ["file"], fileMax: 10, textMax: 20, bodyMax: 10_000 };

describe("readUploadForm", () => {
  it("keeps the text and a file within its limit; a larger file comes back without its bytes", async () => {
    const { form, files } = await readUploadForm(multipart([{ name: "intent", body: "upload" }, { name: "file", fileName: "a.txt", body: "hello" }]), limits);
    expect(form.get("intent")).toBe("upload");
    expect(singleUpload(files)).toEqual({ kind: "file", fileName: "a.txt", bytes: new TextEncoder().encode("hello") });
    const big = await readUploadForm(multipart([{ name: "file", fileName: "b.txt", body: "x".repeat(11) }]), limits);
    expect(singleUpload(big.files)).toEqual({ kind: "too-large" });
  });

  it("drops files under other names, and reads a broken body as an empty form", async () => {
    const { files } = await readUploadForm(multipart([{ name: "other", fileName: "a.txt", body: "hi" }]), limits);
    expect(singleUpload(files)).toEqual({ kind: "none" });
    const broken = new Request("http://test/upload", { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x" }, body: "not a form" });
    expect((await readUploadForm(broken, limits)).files).toEqual([]);
  });

  it("refuses a body or a text part past its limit", async () => {
    await expect(readUploadForm(multipart([{ name: "note", body: "y".repeat(21) }]), limits)).rejects.toBeInstanceOf(FormTooLargeError);
    await expect(readUploadForm(multipart([{ name: "file", fileName: "c.txt", body: "z".repeat(500) }]), { ...limits, bodyMax: 100 })).rejects.toBeInstanceOf(FormTooLargeError);
  });
});

describe("file types", () => {
  it("takes the type from the name and checks it against the bytes", () => {
    expect(typeByName("Report.PDF", { pdf: "application/pdf" })).toBe("application/pdf");
    expect(typeByName("report", { pdf: "application/pdf" })).toBeNull();
    expect(typeByName("x.constructor", { pdf: "application/pdf" })).toBeNull();
    expect(contentMatches("application/pdf", new TextEncoder().encode("%PDF-1.7"))).toBe(true);
    expect(contentMatches("application/pdf", new TextEncoder().encode("<html>"))).toBe(false);
    expect(contentMatches("text/csv", new Uint8Array([0x61, 0, 0x62]))).toBe(false);
    expect(sniffImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffImage(new TextEncoder().encode("<svg/>"))).toBeNull();
  });

  it("cleans a file name of folders and control characters, keeping its extension", () => {
    expect(cleanFileName('../../etc/pa"ss\u0000wd.txt')).toBe("passwd.txt");
    expect(cleanFileName(`${"a".repeat(300)}.pdf`)).toHaveLength(150);
    expect(cleanFileName("", 200, "file")).toBe("file");
  });
});
