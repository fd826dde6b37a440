import { describe, expect, it } from "vitest";
import { formatSize } from "./fileSize.ts";

describe("formatSize", () => {
  it("bytes below a KB, whole KB below a MB", () => {
    expect(formatSize(0)).toBe("0 B");
    expect(formatSize(1023)).toBe("1023 B");
    expect(formatSize(1024)).toBe("1 KB");
    expect(formatSize(300 * 1024 + 600)).toBe("301 KB");
  });

  it("one decimal in MB and GB", () => {
    expect(formatSize(1024 * 1024)).toBe("1.0 MB");
    expect(formatSize(20 * 1024 * 1024)).toBe("20.0 MB");
    expect(formatSize(1.25 * 1024 ** 3)).toBe("1.3 GB");
    expect(formatSize(5000 * 1024 ** 3)).toBe("5000.0 GB");
  });

  it("never shows 1024 of a unit: a size that rounds up goes to the next", () => {
    expect(formatSize(1024 * 1024 - 1)).toBe("1.0 MB");
    expect(formatSize(1024 ** 3 - 1)).toBe("1.0 GB");
    expect(formatSize(1024 ** 3 - 40 * 1024)).toBe("1.0 GB");
    expect(formatSize(1024 ** 3 - 60 * 1024)).toBe("1023.9 MB");
  });
});
