/// The attributes libxml2 hands to `startElementNs`: five pointers each (local name, prefix,
/// URI, value start, value end), read in place without building an array of strings. Valid
/// during the callback only.
///
/// Substituting no entities, libxml2 hands a `&` in a value over as `&#38;` (`&amp;` and `&#38;`
/// alike; a bare `&` cannot stand in XML), so the values are given with each turned back.
public struct XMLAttributes {
    @usableFromInline let pointer: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    public let count: Int

    @inlinable
    public init(_ pointer: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int32) {
        self.pointer = pointer
        self.count = Int(count)
    }

    /// The first attribute whose name is not among `allowed`, if any.
    public func firstName(notIn allowed: [StaticString]) -> String? {
        for i in 0..<count where !allowed.contains(where: { name(at: i, is: $0) }) {
            return String(cString: pointer![5 * i]!)
        }
        return nil
    }

    public func value(of name: StaticString) -> String? {
        index(of: name).map(value(at:))
    }

    /// `body` of the value's bytes, nil without the attribute: the bytes in libxml2's buffer
    /// unless the value holds a `&`. Inlinable, so that it is specialised for each result.
    @inlinable
    public func withBytes<Result>(of name: StaticString, _ body: (Span<UInt8>) -> Result) -> Result? {
        guard let i = index(of: name) else { return nil }
        let raw = bytes(at: i)
        return raw.contains(UInt8(ascii: "&")) ? body(Array(value(at: i).utf8).span) : body(raw.span)
    }

    /// Where the first attribute's value starts: in the start tag itself, unless libxml2 had
    /// to copy the value out (to expand a reference).
    public var firstValueStart: UnsafePointer<UInt8>? {
        count > 0 ? pointer![3] : nil
    }

    /// Every attribute except `names`, as names and values, in document order.
    public func all(except names: [StaticString]) -> [(name: String, value: String)] {
        guard count > names.count else { return [] }
        return (0..<count).compactMap { i in
            guard !names.contains(where: { name(at: i, is: $0) }) else { return nil }
            return (String(cString: pointer![5 * i]!), value(at: i))
        }
    }

    @usableFromInline
    func index(of name: StaticString) -> Int? {
        for i in 0..<count where self.name(at: i, is: name) { return i }
        return nil
    }

    @usableFromInline
    func value(at i: Int) -> String {
        let raw = bytes(at: i)
        let value = String(decoding: raw, as: UTF8.self)
        return raw.contains(UInt8(ascii: "&")) ? value.replacing("&#38;", with: "&") : value
    }

    private func name(at i: Int, is name: StaticString) -> Bool {
        nulTerminated(pointer![5 * i]!, equals: name)
    }

    @usableFromInline
    func bytes(at i: Int) -> UnsafeBufferPointer<UInt8> {
        let start = pointer![5 * i + 3]!
        let end = pointer![5 * i + 4]!
        return UnsafeBufferPointer(start: start, count: end - start)
    }
}

/// Whether the NUL-terminated name libxml2 handed over is `literal`: names are compared
/// without making a String of them.
public func nulTerminated(_ name: UnsafePointer<UInt8>, equals literal: StaticString) -> Bool {
    let bytes = literal.utf8Start
    for i in 0..<literal.utf8CodeUnitCount where name[i] != bytes[i] { return false }
    return name[literal.utf8CodeUnitCount] == 0
}
