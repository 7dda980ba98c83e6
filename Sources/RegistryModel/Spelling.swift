/// Whether UTF-8 bytes (from a reader's buffer) spell `name` exactly: readers recognise the
/// registry's fixed words (protocols, xref types) without making a String for them.
@usableFromInline
func utf8(_ bytes: Span<UInt8>, spells name: StaticString) -> Bool {
    guard bytes.count == name.utf8CodeUnitCount else { return false }
    for i in bytes.indices where bytes[i] != name.utf8Start[i] { return false }
    return true
}

extension String {
    /// The bytes as text, invalid UTF-8 repaired (readers check encodings first). The model's
    /// one look at a span's memory: String has no repairing initialiser that takes a span.
    @usableFromInline
    init(decodingUTF8 bytes: Span<UInt8>) {
        self = bytes.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }
}
