/// Canonical unsigned decimal: digits only, no sign, no leading zero (except "0" itself).
/// Returns nil for anything else or for a value above `limit`.
@inlinable
func canonicalDecimal(_ digits: Span<UInt8>, limit: UInt64) -> UInt64? {
    var value: UInt64 = 0
    for i in digits.indices {
        let byte = digits[i]
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        if i == 1, value == 0 { return nil }  // leading zero
        value = value * 10 + UInt64(byte - UInt8(ascii: "0"))
        if value > limit { return nil }
    }
    return digits.isEmpty ? nil : value
}
