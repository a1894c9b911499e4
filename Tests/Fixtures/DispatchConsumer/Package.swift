// swift-tools-version: 6.1
// A package that depends on abigen's XenDispatch library product, as another package would: the
// test `DispatchConsumerTests` builds and runs it, and compiles the same source under Embedded
// Swift against the generated code.
import PackageDescription

let package = Package(
  name: "DispatchConsumer",
  dependencies: [.package(name: "abigen", path: "../../..")],
  targets: [
    .executableTarget(
      name: "DispatchConsumer", dependencies: [.product(name: "XenDispatch", package: "abigen")])
  ]
)
