/// Whether UTF-8 bytes (from a reader's buffer) spell `name` exactly: readers recognise the
/// registry's fixed words (protocols, xref types) without making a String for them.
@usableFromInline
func utf8(_ bytes: UnsafeBufferPointer<UInt8>, spells name: StaticString) -> Bool {
    guard bytes.count == name.utf8CodeUnitCount else { return false }
    for i in bytes.indices where bytes[i] != name.utf8Start[i] { return false }
    return true
}
