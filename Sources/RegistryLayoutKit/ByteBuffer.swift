/// A growable byte buffer for hot loops: appending and clearing are plain pointer arithmetic,
/// without the generic machinery of `Array.removeAll(keepingCapacity:)` on every field.
/// The one place that owns raw memory, freed when the buffer ends. Non-copyable: a copy would
/// share the memory and free it twice; so one owner at a time, which also makes it safe to
/// send (the pointer goes with its only owner).
/// Inlinable: readers and writers in other modules append in their innermost loops.
public struct ByteBuffer: ~Copyable, @unchecked Sendable {
    @usableFromInline var length = 0
    @usableFromInline var capacity: Int
    @usableFromInline var storage: UnsafeMutablePointer<UInt8>

    public init(capacity: Int = 4096) {
        self.capacity = max(capacity, 16)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    @inlinable
    public var count: Int { length }

    @inlinable
    public var isEmpty: Bool { length == 0 }

    @inlinable @inline(__always)
    public mutating func removeAll() { length = 0 }

    /// Drops the bytes after the first `count`.
    @inlinable @inline(__always)
    public mutating func truncate(to count: Int) { length = min(count, length) }

    @inlinable @inline(__always)
    public mutating func append(_ byte: UInt8) {
        if length == capacity { grow(to: length + 1) }
        storage[length] = byte
        length += 1
    }

    @inlinable @inline(__always)
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if length + bytes.count > capacity { grow(to: length + bytes.count) }
        (storage + length).update(from: source, count: bytes.count)
        length += bytes.count
    }

    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// The bytes so far, valid until the next change.
    @inlinable @inline(__always)
    public var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage, count: length) }

    /// The bytes as a String (invalid UTF-8 is repaired; readers check encodings before).
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    @usableFromInline
    mutating func grow(to minimum: Int) {
        var newCapacity = capacity * 2
        while newCapacity < minimum { newCapacity *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.initialize(from: storage, count: length)
        storage.deallocate()
        storage = bigger
        capacity = newCapacity
    }
}
