import { list, quote } from "./messages";

describe("messages", () => {
  it("lists values", () => {
    expect(list(["a", "b"])).toBe("a, b");
    expect(list([])).toBe("(none)");
  });

  it("quotes values, escaping only the ambiguous ones", () => {
    expect(quote("web prod!")).toBe("'web prod!'");
    expect(quote("组-1")).toBe("'组-1'");
    expect(quote("it's")).toBe('"it\'s"');
    expect(quote("a\\b")).toBe('"a\\\\b"');
    expect(quote("line\nbreak")).toBe('"line\\nbreak"');
  });
});
