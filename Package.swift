// swift-tools-version: 6.1
// abigen: a hypercall ABI kept as a formal model, proved compatible across releases with Z3,
// and emitted as C headers and Swift dispatch code.
import PackageDescription

// The modules the tests spend their time in (the checker, validation, the emitters) are
// optimized in debug builds too: `make test` runs the debug `abigen` several hundred times, and
// -Onone made each run twice as slow for a build that is only slightly faster. So is one test
// target, EmitSwiftTests, whose generic replay loops took a third more CPU at -Onone than the
// target costs to optimize.
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
  name: "abigen",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "abigen", targets: ["abigen"]),
    // The generated dispatch code, for packages that decode or dispatch Xen hypercalls. It
    // depends on nothing and also builds under Embedded Swift.
    .library(name: "XenDispatch", targets: ["XenDispatch"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
  ],
  targets: [
    // Debian's libz3-dev, linked as a system library. Only `Solver` imports it.
    .systemLibrary(
      name: "CZ3",
      path: "Sources/CZ3",
      pkgConfig: "z3",
      providers: [.apt(["libz3-dev"])]
    ),
    .target(name: "Solver", dependencies: ["CZ3"], swiftSettings: optimizedInDebug),
    .target(name: "ABIModel", swiftSettings: optimizedInDebug),
    // The result-builder DSL specs are written in, and its resolver to the model.
    .target(name: "ABIDSL", dependencies: ["ABIModel"], path: "Spec/DSL"),
    // The bundled default spec: Xen's real history.
    // Its lock of released releases (`abigen release`) sits beside it; `abigen check` reads it.
    .target(
      name: "XenSpec", dependencies: ["ABIDSL", "ABIModel"], path: "Spec/Xen", exclude: ["releases.lock.json"]),
    // Proof obligations over the model, asked of Z3 through `Solver`.
    .target(name: "Obligations", dependencies: ["ABIModel", "Solver"], swiftSettings: optimizedInDebug),
    // `abigen diff`: structural changes between two releases, labelled by the checker.
    .target(name: "SpecDiff", dependencies: ["ABIModel", "Obligations"], swiftSettings: optimizedInDebug),
    // Emitters: lower the model to files; only the CLI writes them.
    .target(name: "EmitCore", dependencies: ["ABIModel"], swiftSettings: optimizedInDebug),
    .target(name: "EmitC", dependencies: ["EmitCore", "ABIModel"], swiftSettings: optimizedInDebug),
    .target(name: "EmitSwift", dependencies: ["EmitCore", "ABIModel"], swiftSettings: optimizedInDebug),
    // The lock of released releases: a canonical description and digest of each shipped release
    // (SHA-256 of a few kilobytes of text, by ABIModel's own `SHA256`: no crypto library).
    .target(name: "ReleaseLock", dependencies: ["ABIModel"], swiftSettings: optimizedInDebug),
    // How much room each op mask and continuation leaves, against the spec's own history.
    .target(name: "Headroom", dependencies: ["ABIModel"], swiftSettings: optimizedInDebug),
    // `abigen doc`: the model and a check report drawn as a static site (HTML and inline SVG).
    .target(name: "ABIAtlas", dependencies: ["ABIModel", "Obligations", "Headroom", "EmitCore"]),
    // The Swift dispatch code `abigen emit swift` generates for every release of the bundled spec,
    // checked in and compiled so a stale or broken generator fails the build.
    .target(name: "XenDispatch", path: "Generated/Swift"),
    // The command line: each subcommand delegates to the modules above.
    .target(
      name: "AbigenCLI",
      dependencies: [
        "ABIModel", "ABIDSL", "XenSpec", "Obligations", "SpecDiff", "ReleaseLock", "Headroom", "ABIAtlas", "EmitCore", "EmitC",
        "EmitSwift", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "abigen", dependencies: ["AbigenCLI"]),
    .testTarget(
      name: "ABIModelTests",
      dependencies: ["ABIModel", .product(name: "PropertyBased", package: "swift-property-based")]
    ),
    .testTarget(name: "ABIDSLTests", dependencies: ["ABIDSL", "ABIModel", "Obligations"]),
    // End-to-end tests of the built binary; depending on it makes `swift test` build it first.
    .testTarget(name: "CLITests", dependencies: ["abigen", "SiteChecks"]),
    // abigen's own fuzz target (`make fuzz` for a long run).
    .testTarget(
      name: "FuzzTests",
      dependencies: [
        "ABIModel", "EmitCore", "EmitC", "EmitSwift", "Obligations", "ABIAtlas", "SiteChecks", "abigen",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    .testTarget(name: "EmitCTests", dependencies: ["EmitC", "EmitCore", "ABIModel", "XenSpec"]),
    .testTarget(
      name: "EmitSwiftTests",
      dependencies: ["EmitSwift", "EmitCore", "ABIModel", "XenSpec", "XenDispatch", "Obligations"],
      exclude: ["Golden"], swiftSettings: optimizedInDebug),
    .testTarget(
      name: "ObligationsTests",
      dependencies: [
        "Obligations", "ABIModel", "XenSpec", .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
    .testTarget(name: "SpecDiffTests", dependencies: ["SpecDiff", "Obligations", "ABIModel"]),
    .testTarget(name: "XenSpecTests", dependencies: ["XenSpec", "ABIDSL", "ABIModel"]),
    .testTarget(name: "ReleaseLockTests", dependencies: ["ReleaseLock", "ABIModel", "XenSpec"]),
    .testTarget(name: "HeadroomTests", dependencies: ["Headroom", "ABIModel", "XenSpec"]),
    // What every generated site must be (well-formed, links resolving, nothing fetched), for the
    // atlas's tests and the hostile-name tests.
    .target(name: "SiteChecks", dependencies: ["EmitCore"], path: "Tests/SiteChecks"),
    .testTarget(
      name: "ABIAtlasTests", dependencies: ["ABIAtlas", "ABIModel", "Obligations", "EmitCore", "XenSpec", "SiteChecks"]),
    .testTarget(
      name: "SolverTests",
      dependencies: ["Solver", .product(name: "PropertyBased", package: "swift-property-based")]
    ),
  ]
)
