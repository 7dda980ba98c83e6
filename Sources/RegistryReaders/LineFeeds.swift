/// Line feeds in `bytes`, 32 at a time: readers count lines over whole files (to cut XML into
/// parts, to locate tags in an HTML page whose table is one long line).
func lineFeedCount(_ bytes: UnsafeRawBufferPointer) -> Int {
    let lineFeed = SIMD32<UInt8>(repeating: 0x0A)
    var count = 0
    var offset = 0
    while offset + 32 <= bytes.count {
        // Each lane counts up to 255 blocks before it is added up.
        var lanes = SIMD32<UInt8>()
        let blocks = min((bytes.count - offset) / 32, 255)
        for _ in 0..<blocks {
            let block = bytes.loadUnaligned(fromByteOffset: offset, as: SIMD32<UInt8>.self)
            // A true lane is all ones, -1: subtracting counts it.
            lanes &-= unsafeBitCast(block .== lineFeed, to: SIMD32<UInt8>.self)
            offset += 32
        }
        count += Int(SIMD32<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
    }
    for byte in bytes[offset...] where byte == 0x0A { count += 1 }
    return count
}
