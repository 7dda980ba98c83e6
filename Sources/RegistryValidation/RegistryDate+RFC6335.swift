import RegistryModel

extension RegistryDate {
    /// RFC 6335 was published in August 2011: names registered before it may break §5.1.
    static let rfc6335 = RegistryDate(year: 2011, month: 8, day: nil)!

    /// True when registered under RFC 6335's procedures.
    var isAfterRFC6335: Bool { !(self < Self.rfc6335) }
}
