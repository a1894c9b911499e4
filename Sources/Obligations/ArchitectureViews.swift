import ABIModel

/// The model as each architecture's guests see it, and which guest ABIs stand for the
/// obligations of each width. A model whose continuations are the same on every architecture
/// has one view and one column per width, standing for every architecture of the width, so it
/// is planned as if architectures did not exist; otherwise each architecture of a width is a
/// column of its own, and columns that read a table alike share its obligations.
struct ArchitectureViews: Sendable {
  /// One way of reading a width's obligations: the ABI that names them, the architectures they
  /// stand for (positions in `ABIModel.architectures`) and the view they are read in.
  struct Column: Hashable, Sendable {
    var architectures: [Int]
    var abi: Int
    var view: Int
  }

  /// Per view: the whole model when it has one, else `ABIModel.viewed(on:)` per architecture.
  let models: [ABIModel]
  /// Position of each guest ABI's architecture in `ABIModel.architectures`.
  let abiArchitecture: [Int]
  private let abiView: [Int]
  private let columnsByWidth: [Int: [Column]]

  init(_ model: ABIModel) {
    let architectures = model.architectures
    let perArchitecture = model.continuesPerArchitecture
    models = perArchitecture ? architectures.map { model.viewed(on: $0) } : [model]
    let abiArchitecture = model.guestABIs.map { abi in architectures.firstIndex(of: abi.architecture) ?? 0 }
    let abiView = perArchitecture ? abiArchitecture : abiArchitecture.map { _ in 0 }
    self.abiArchitecture = abiArchitecture
    self.abiView = abiView
    var columns: [Int: [Column]] = [:]
    for width in model.guestWidths {
      let ofWidth = model.guestABIs.indices.filter { model.guestABIs[$0].width == width }
      var made: [Column] = []
      for abi in ofWidth {
        let architecture = abiArchitecture[abi]
        if let index = made.firstIndex(where: { $0.view == abiView[abi] }) {
          if !made[index].architectures.contains(architecture) { made[index].architectures.append(architecture) }
        } else {
          made.append(Column(architectures: [architecture], abi: abi, view: abiView[abi]))
        }
      }
      columns[width] = made
    }
    columnsByWidth = columns
  }

  /// The columns of a width, the one of its first ABI first.
  func columns(width: Int) -> [Column] { columnsByWidth[width] ?? [] }

  func viewIndex(ofABI abi: Int) -> Int { abiView[abi] }

  func architectureIndex(ofABI abi: Int) -> Int { abiArchitecture[abi] }

  /// The view an obligation named by this ABI is about.
  func model(forABI abi: Int) -> ABIModel { models[abiView[abi]] }
}
