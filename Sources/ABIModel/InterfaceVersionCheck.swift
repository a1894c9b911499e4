/// A version a hypercall's guest structure carries beside its op, which the handler compares
/// with its own before it decodes anything (Xen's `xen_domctl.interface_version` against
/// `XEN_DOMCTL_INTERFACE_VERSION`, -EACCES when they differ). A caller built for one value is
/// refused by a release with another, loudly: a renumbering across a version change cannot be
/// misread, while one that keeps the version is decoded as any other.
public struct InterfaceVersionCheck: Hashable, Sendable, Codable {
  /// The structure member the caller fills in (`interface_version`).
  public var field: String
  /// The macro whose value the handler requires (`XEN_DOMCTL_INTERFACE_VERSION`).
  public var constant: String
  /// The value in this release; `nil` when the spec names none (a validation error).
  public var value: UInt64?
  /// Where the fact was read (tag and file:line).
  public var source: String?
  public var location: SourceLocation

  public init(
    field: String = "interface_version", constant: String, value: UInt64?, source: String? = nil,
    location: SourceLocation = .unknown
  ) {
    self.field = field
    self.constant = constant
    self.value = value
    self.source = source
    self.location = location
  }

  /// Whether a release with `newer` refuses every call made for `older`: both state a value and
  /// the values differ. A side that states none (the field did not exist yet) refuses nothing.
  public static func refuses(_ older: InterfaceVersionCheck?, _ newer: InterfaceVersionCheck?) -> Bool {
    guard let old = older?.value, let new = newer?.value else { return false }
    return old != new
  }

  /// How a release with `newer` refuses a call made for `older`, when it does.
  public static func refusal(_ older: InterfaceVersionCheck?, _ newer: InterfaceVersionCheck?) -> InterfaceRefusal? {
    guard let older, let newer, refuses(older, newer) else { return nil }
    return InterfaceRefusal(
      answer: "-EACCES (\(older.field) \(older.versionText) is not \(newer.constant) \(newer.versionText))",
      cause: "\(newer.constant) \(older.versionText) -> \(newer.versionText)", location: newer.location)
  }

  /// The value as the reports write it (`0x13`), `none` when the spec states none.
  public var versionText: String { value.map(hexString) ?? "none" }

  /// `XEN_DOMCTL_INTERFACE_VERSION = 0x13 (interface_version)`, for reports, dumps and the lock.
  public var summary: String { "\(constant) = \(versionText) (field \(field))" }
}

/// A newer release's refusal of an older release's calls (`InterfaceVersionCheck.refusal`).
public struct InterfaceRefusal: Hashable, Sendable {
  /// What the newer release answers: `-EACCES (interface_version 0x12 is not ... 0x13)`.
  public var answer: String
  /// `XEN_DOMCTL_INTERFACE_VERSION 0x12 -> 0x13`.
  public var cause: String
  /// The newer release's check.
  public var location: SourceLocation
}
