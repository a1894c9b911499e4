import ABIModel
import Obligations

/// What a finding of abigen means, for the reports CI systems read (SARIF rule metadata, the
/// GitLab report's check names): one entry per rule id, with the help a reviewer needs to act.
struct Rule: Sendable {
  var id: String
  var name: String
  var summary: String
  var help: String

  /// Every rule, in id order: migration breaks (ABI0xx), properties of one release (ABI1xx),
  /// the run itself (ABI9xx).
  static let all: [Rule] =
    BreakClass.allCases.map { Rule(migration: $0) } + ReleaseFailure.allCases.map { Rule(release: $0) } + [
      invalidSpec, inconclusive,
    ]

  static func lookup(_ id: String) -> Rule? { all.first { $0.id == id } }

  static let accepting =
    "If the break is deliberate, record it in the spec as an accepted break: `abigen check` prints the `Covers(...)` line to paste under the `Accepted` record that explains it (README, \"Accepting a break\")."

  static let invalidSpec = Rule(
    id: "ABI900", name: "invalid-spec",
    summary: "The spec is invalid, or a released release no longer matches the lock.",
    help:
      "abigen could not build a valid model from the spec, or a locked release changed. Nothing was proved. Fix the line named in the message; a locked release is frozen, so restore what it shipped rather than editing the lock."
  )

  static let inconclusive = Rule(
    id: "ABI901", name: "inconclusive",
    summary: "The solver could not decide an obligation.",
    help:
      "Z3 answered unknown (a timeout or resource limit), so the property is neither proved nor refuted; it is never reported as proved. Rerun with a larger --timeout-ms, or simplify the encoding involved."
  )

  init(id: String, name: String, summary: String, help: String) {
    self.id = id
    self.name = name
    self.summary = summary
    self.help = help
  }

  init(migration breakClass: BreakClass) {
    let (summary, help): (String, String)
    switch breakClass {
    case .alias:
      summary = "A live value of an older release decodes as a different sub-op in a newer one."
      help =
        "A guest migrated in the middle of a call (or a continuation the hypervisor re-issued) resumes under the newer release's decoder, which reads the register as another sub-op: the task silently does something else. Keep the old encoding (mask width, shift, number) or move the new op to a number no old value reaches."
    case .progressCorrupted:
      summary = "A continuation resumes at a different progress in a newer release."
      help =
        "The newer release reads the same sub-op but a different progress from a continuation the older one created (a shift or mask changed), so the preempted work resumes at the wrong point. Keep the progress field where it was."
    case .continuationLost:
      summary = "A newer release rejects a continuation an older one created."
      help =
        "A continuation the older release created is refused or fails with -ENOSYS after migration. Keep accepting the old continuation encoding."
    case .renumbered:
      summary = "A sub-op or hypercall changed its number."
      help =
        "A number that shipped is ABI forever: callers built against the older headers still use it. Restore the number; give a new op a new one."
    case .removed:
      summary = "A newer release no longer defines an op an older one did."
      help =
        "A fresh call of the op fails on the newer release. Keep the op, or record the withdrawal as an accepted break with the reason."
    case .hypercallReuse:
      summary = "A hypercall number names a different hypercall in a newer release."
      help =
        "A `__HYPERVISOR_*` number that shipped must keep its hypercall; a withdrawn number stays reserved. Give the new hypercall a new number."
    case .interfaceRefused:
      summary = "A newer release refuses every call made for an older one's interface version."
      help =
        "The call's structure carries the older release's interface version and the newer handler requires its own (-EACCES): nothing is misread, but a continuation or a caller built for the older release stops working. Keep the version, or record the change as an accepted break with the reason."
    }
    self.init(id: breakClass.ruleID, name: breakClass.rawValue, summary: summary, help: help + " " + Rule.accepting)
  }

  init(release failure: ReleaseFailure) {
    let (summary, help): (String, String)
    switch failure {
    case .opDoesNotFit:
      summary = "A sub-op number does not fit the op mask or register."
      help =
        "The op is decoded through the mask, so a number wider than it reads as another op. Widen the mask before it ships, or pick a number that fits."
    case .duplicateNumber:
      summary = "Two sub-ops share a number."
      help = "Each sub-op needs its own number in a release; one of the two is unreachable. Renumber the new one."
    case .fieldsOverlap:
      summary = "Continuation progress overlaps the op field or leaves the register."
      help =
        "Progress kept in the op register must sit above the op mask and inside the register for every guest width. Change the shift or the bound."
    case .roundTripFails:
      summary = "A continuation does not decode back to its op and progress."
      help =
        "Encoding a continuation and decoding it in the same release must give back the op and the progress, up to the declared bound. Fix the encoding or the bound."
    case .liveValueShared:
      summary = "One register value is live for two sub-ops."
      help =
        "A value that one op writes as a continuation is also a fresh call of another op, so the hypervisor cannot tell them apart. Move one of them."
    case .writeBackChanges:
      summary = "A value written back into guest memory reads otherwise from there."
      help =
        "A batching hypercall (multicall) copies a preempted call's registers into a guest structure; a field narrower than the register drops bits, and the resumed call reads another op or progress. Widen the field or bound the progress to fit it."
    }
    self.init(id: failure.ruleID, name: failure.rawValue, summary: summary, help: help)
  }
}
