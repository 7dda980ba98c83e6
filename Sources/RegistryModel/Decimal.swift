/// Canonical unsigned decimal: digits only, no sign, no leading zero (except "0" itself).
/// Returns nil for anything else or for a value above `limit`.
@inlinable
func canonicalDecimal<S: Sequence<UInt8>>(_ digits: S, limit: UInt64) -> UInt64? {
    var value: UInt64 = 0
    var count = 0
    for byte in digits {
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        if count == 1, value == 0 { return nil }  // leading zero
        value = value * 10 + UInt64(byte - UInt8(ascii: "0"))
        count += 1
        if value > limit { return nil }
    }
    return count == 0 ? nil : value
}
