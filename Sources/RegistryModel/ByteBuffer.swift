/// A growable byte buffer for hot loops: appending and clearing are plain pointer arithmetic,
/// without the generic machinery of `Array.removeAll(keepingCapacity:)` on every field.
/// The one place that owns raw memory; it is freed with the buffer. A buffer is only ever used
/// by one loop at a time, so its fields skip the run-time exclusivity checks a class pays for.
public final class ByteBuffer {
    @exclusivity(unchecked) public private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private var storage: UnsafeMutablePointer<UInt8>

    public init(capacity: Int = 4096) {
        self.capacity = max(capacity, 16)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    public var isEmpty: Bool { count == 0 }

    @inline(__always)
    public func removeAll() { count = 0 }

    @inline(__always)
    public func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        storage[count] = byte
        count += 1
    }

    @inline(__always)
    public func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (storage + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    public func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// The bytes so far, valid until the next change.
    @inline(__always)
    public var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage, count: count) }

    /// The bytes as a String (invalid UTF-8 is repaired; readers check encodings before).
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    private func grow(to minimum: Int) {
        var newCapacity = capacity * 2
        while newCapacity < minimum { newCapacity *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.initialize(from: storage, count: count)
        storage.deallocate()
        storage = bigger
        capacity = newCapacity
    }
}
