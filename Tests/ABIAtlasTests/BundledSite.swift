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

  static let outcome: Result<[GeneratedFile], Checker.Failure> = {
    do throws(Checker.Failure) {
      return .success(AtlasSite(model: model, report: try check(jobs: 2)).files)
    } catch {
      return .failure(error)
    }
  }()

  static func files() throws -> [GeneratedFile] { try outcome.get() }

  static func page(_ path: String) throws -> XMLNode {
    guard let file = try files().first(where: { $0.path == path }) else {
      throw XMLNode.ParseError(description: "no page \(path)")
    }
    return try XMLNode.parse(file.contents)
  }
}
