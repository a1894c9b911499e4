import ABIAtlas
import ABIModel
import EmitCore
import Obligations
import SiteChecks
import XenSpec

/// The site of the bundled Xen spec, checked once and shared by the suites.
enum BundledSite {
  static let model: ABIModel = {
    do {
      return try Xen.spec.model()
    } catch {
      fatalError("the bundled spec does not load: \(error)")
    }
  }()

  static func check(jobs: Int) throws(Checker.Failure) -> CheckReport {
    var checker = Checker(model: model, options: CheckOptions(jobs: jobs))
    return try checker.run()
  }

  /// The check of the bundled spec and its site, computed once.
  static let outcome: Result<(CheckReport, [GeneratedFile]), Checker.Failure> = {
    do throws(Checker.Failure) {
      let report = try check(jobs: 2)
      return .success((report, AtlasSite(model: model, report: report).files))
    } catch {
      return .failure(error)
    }
  }()

  static func report() throws -> CheckReport { try outcome.get().0 }

  static func files() throws -> [GeneratedFile] { try outcome.get().1 }

  static func page(_ path: String) throws -> XMLNode {
    guard let file = try files().first(where: { $0.path == path }) else {
      throw XMLNode.ParseError(description: "no page \(path)")
    }
    return try XMLNode.parse(file.contents)
  }
}
