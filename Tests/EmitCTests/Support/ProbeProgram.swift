import ABIModel
import EmitCore

/// The C test program: one translation unit per release header (the headers are one per TU),
/// each with a `probe_<header>` function answering `ProbeQuery` lines and a `macros_<header>`
/// function printing the value of every macro the model names for that release, plus a `main`
/// that reads questions on stdin and dispatches them.
struct ProbeProgram {
  struct Unit {
    /// `xen_4_5`: the header's base name.
    var header: String
    var release: Release
  }

  var units: [Unit]

  /// `probe_xen_4_5.c` and friends, and `main.c`.
  var sources: [String: String] {
    var files: [String: String] = [:]
    for unit in units {
      files["probe_\(unit.header).c"] = source(for: unit)
    }
    files["main.c"] = mainSource
    return files
  }

  func source(for unit: Unit) -> String {
    var lines = [
      "#include \"\(unit.header).h\"",
      "#include <stdio.h>",
      "#include <string.h>",
      "",
      "int probe_\(unit.header)(char kind, const char *hypercall, unsigned int width, uint64_t a, uint64_t b);",
      "void macros_\(unit.header)(void);",
      "",
      "int probe_\(unit.header)(char kind, const char *hypercall, unsigned int width, uint64_t a, uint64_t b)",
      "{",
      "    uint64_t x = 0, y = 0;",
      "    int r;",
      "    (void)b; (void)x; (void)y; (void)r; (void)width;",
    ]
    for hypercall in unit.release.hypercalls {
      let name = ABIModelSelection.identifier(for: hypercall.name)
      for table in hypercall.tables {
        let f = "abigen_\(ABIModelSelection.identifier(for: table.name))"
        lines += [
          "    if (strcmp(hypercall, \"\(table.name)\") == 0) {",
          "        switch (kind) {",
          "        case 'D':",
          "            r = \(f)_decode(a, width, &x, &y);",
          "            printf(\"%d %llx %llx %d\\n\", r, (unsigned long long)x, (unsigned long long)y, \(f)_is_valid(a, width));",
          "            return 1;",
          "        case 'E':",
          "            r = \(f)_encode(a, b, width, &x);",
          "            printf(\"%d %llx\\n\", r, (unsigned long long)x);",
          "            return 1;",
          "        case 'M':",
          "            printf(\"%llx\\n\", (unsigned long long)\(f)_max_progress(a, width));",
          "            return 1;",
          "        }",
          "    }",
        ]
      }
      if let flag = hypercall.countFlag {
        let f = "abigen_\(name)_\(ABIModelSelection.identifier(for: flag.argument.name))"
        lines += [
          "    if (strcmp(hypercall, \"\(hypercall.name)\") == 0) {",
          "        switch (kind) {",
          "        case 'F':",
          "            r = \(f)_decode(a, width, &x);",
          "            printf(\"%d %llx\\n\", r, (unsigned long long)x);",
          "            return 1;",
          "        case 'G':",
          "            printf(\"%llx\\n\", (unsigned long long)\(f)_encode(a, width));",
          "            return 1;",
          "        }",
          "    }",
        ]
      }
    }
    lines += ["    return 0;", "}", "", "void macros_\(unit.header)(void)", "{"]
    for name in Self.macroNames(of: unit.release) {
      lines += [
        "#ifdef \(name)",
        "    printf(\"\(name) %llx\\n\", (unsigned long long)(\(name)));",
        "#endif",
      ]
    }
    lines += ["    printf(\"end\\n\");", "}", ""]
    return lines.joined(separator: "\n")
  }

  /// Every macro name the model gives this release.
  static func macroNames(of release: Release) -> [String] {
    var names: [String] = []
    for hypercall in release.hypercalls {
      names.append(hypercall.cName)
      for multiplex in hypercall.tables.map(\.multiplex) {
        names += [multiplex.opMask.maskName, multiplex.opMask.shiftName].compactMap { $0 }
        names += multiplex.subOps.map(\.cName)
      }
      if let name = hypercall.countFlag?.flagName { names.append(name) }
    }
    var seen = Set<String>()
    return names.filter { seen.insert($0).inserted }
  }

  var mainSource: String {
    var lines = ["#include <stdint.h>", "#include <stdio.h>", "#include <string.h>", ""]
    for unit in units {
      lines.append(
        "int probe_\(unit.header)(char kind, const char *hypercall, unsigned int width, uint64_t a, uint64_t b);")
      lines.append("void macros_\(unit.header)(void);")
    }
    lines += [
      "",
      "int main(void)",
      "{",
      "    char kind, header[128], hypercall[128];",
      "    unsigned int width;",
      "    unsigned long long a, b;",
      "    while (scanf(\" %c %127s %127s %u %llx %llx\", &kind, header, hypercall, &width, &a, &b) == 6) {",
      "        int handled = 0;",
    ]
    for unit in units {
      lines += [
        "        if (strcmp(header, \"\(unit.header)\") == 0) {",
        "            if (kind == 'N') { macros_\(unit.header)(); handled = 1; }",
        "            else handled = probe_\(unit.header)(kind, hypercall, width, (uint64_t)a, (uint64_t)b);",
        "        }",
      ]
    }
    lines += [
      "        if (!handled) printf(\"unhandled\\n\");",
      "    }",
      "    return 0;",
      "}",
      "",
    ]
    return lines.joined(separator: "\n")
  }
}
