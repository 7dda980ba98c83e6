import RegistryModel

/// A writer turns the shared model into the bytes of one layout, and says what the layout could
/// not carry. One type per layout, listed in `Writers.all`.
public protocol RegistryWriter: Sendable {
    static var name: String { get }
    static var aliases: [String] { get }
    /// Appends the whole document to `out` and notes in `losses` everything it had to leave out.
    static func write(_ registry: Registry, to out: inout OutputBuffer, losses: inout LossReport)
}

extension RegistryWriter {
    /// The whole document as bytes, with what was lost (what the reader could not keep too).
    public static func render(_ registry: Registry) -> (bytes: [UInt8], losses: LossReport) {
        var out = OutputBuffer(capacity: 4096 + registry.records.count * 160)
        var losses = LossReport()
        write(registry, to: &out, losses: &losses)
        losses.note(.unkeptMarkup, count: registry.unkeptMarkup.count)
        return (out.bytes, losses)
    }
}

/// A writer whose layout is a head, then one block per record that depends on that record
/// alone (CSV): it can write each record the moment a streaming reader hands it over, so a
/// conversion never holds the whole registry, and blocks written apart can be joined.
public protocol RecordStreamWriter: RegistryWriter {
    /// Writes what comes before the first record. `registry` holds what precedes the records
    /// (its metadata: a streaming reader has read it before the first record).
    static func writeHead(of registry: Registry, into out: inout OutputBuffer)
    /// The state for one run of records of `registry` (its metadata, as for `writeHead`). An
    /// existential: a stream owns its buffers, so it is non-copyable, which an associated type
    /// cannot be.
    static func makeStream(for registry: Registry) -> any RecordStream & ~Copyable
    /// After the last record: notes what the layout loses of the registry as a whole. The
    /// registry's records may already be gone (written as they were read).
    static func finish(_ registry: Registry, into out: inout OutputBuffer, losses: inout LossReport)
    /// What goes between the records of two runs written apart when their outputs are joined
    /// (JSON's comma between array elements); empty for layouts whose records end themselves.
    static var runSeparator: [UInt8] { get }
}

/// The state of a `RecordStreamWriter` between records.
public protocol RecordStream: ~Copyable, Sendable {
    mutating func write(_ record: Record, into out: inout OutputBuffer, losses: inout LossReport)
}

extension RecordStreamWriter {
    public static var runSeparator: [UInt8] { [] }

    public static func write(_ registry: Registry, to out: inout OutputBuffer, losses: inout LossReport) {
        writeHead(of: registry, into: &out)
        var stream = makeStream(for: registry)
        for record in registry.records { stream.write(record, into: &out, losses: &losses) }
        finish(registry, into: &out, losses: &losses)
    }
}

/// Output is built in one byte buffer and written once.
public struct OutputBuffer: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 1 << 20) {
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    public mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    @inline(__always)
    public mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    public mutating func append<S: Sequence<UInt8>>(contentsOf other: S) {
        bytes.append(contentsOf: other)
    }
}
