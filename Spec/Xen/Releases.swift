import ABIDSL
import ABIModel

extension Xen {
  /// Every release the facts were read at, oldest first (facts.json meta.release_tags). Only
  /// RELEASE-3.0.0 and RELEASE-4.x.0 are real release tags; for 3.0.2 .. 3.4 a proxy tag stands in, so
  /// late changes on the 3.x testing branches (point releases) are not covered. Stable point releases
  /// and backports are not modelled: each release is its x.y.0 tag.
  @SpecBuilder static var releases: [SpecDeclaration] {
    Released("3.0.0", tag: "RELEASE-3.0.0")
    Released("3.0.2", tag: "3.0.2-branched")  // no RELEASE tag in the mirror: the branch point stands in
    Released("3.0.3", tag: "3.0.3-branched")  // no RELEASE tag in the mirror: the branch point stands in
    Released("3.0.4", tag: "3.0.4-branched")  // no RELEASE tag in the mirror: the branch point stands in
    Released("3.1", tag: "3.1.0-branched")  // no RELEASE tag in the mirror: the branch point stands in
    Released("3.2", tag: "3.2.0-rc6")  // no RELEASE tag in the mirror: the last rc stands in
    Released("3.3", tag: "3.3.0-rc7")  // no RELEASE tag in the mirror: the last rc stands in
    Released("3.4", tag: "3.4.0-rc3")  // no RELEASE tag in the mirror: the last rc stands in
    Released("4.0", tag: "RELEASE-4.0.0")
    Released("4.1", tag: "RELEASE-4.1.0")
    Released("4.2", tag: "RELEASE-4.2.0")
    Released("4.3", tag: "RELEASE-4.3.0")
    Released("4.4", tag: "RELEASE-4.4.0")
    Released("4.5", tag: "RELEASE-4.5.0")
    Released("4.6", tag: "RELEASE-4.6.0")
    Released("4.7", tag: "RELEASE-4.7.0")
    Released("4.8", tag: "RELEASE-4.8.0")
    Released("4.9", tag: "RELEASE-4.9.0")
    Released("4.10", tag: "RELEASE-4.10.0")
    Released("4.11", tag: "RELEASE-4.11.0")
    Released("4.12", tag: "RELEASE-4.12.0")
    Released("4.13", tag: "RELEASE-4.13.0")
    Released("4.14", tag: "RELEASE-4.14.0")
    Released("4.15", tag: "RELEASE-4.15.0")
    Released("4.16", tag: "RELEASE-4.16.0")
    Released("4.17", tag: "RELEASE-4.17.0")
    Released("4.18", tag: "RELEASE-4.18.0")
    Released("4.19", tag: "RELEASE-4.19.0")
    Released("4.20", tag: "RELEASE-4.20.0")
    Released("4.21", tag: "RELEASE-4.21.0")
    Released("4.22", tag: "RELEASE-4.22.0")
    // The mirror head, reported as found.
    InDevelopment("master", commit: "c447b7308b13")
  }
}
