import RegistryModel
import RegistryReaders
import RegistryValidation
import RegistryWriters

/// A file's canonical form in its own layout: what the layout's writer makes of what its reader
/// read (what `fmt` writes back), and what that form would lose.
public struct CanonicalForm {
    public let writer: any RegistryWriter.Type
    public let bytes: [UInt8]
    /// True when the file is already in canonical form, byte for byte.
    public let isCanonical: Bool
    /// What the canonical form would lose, in words; nil when it reads back as the same
    /// registry (or is the file itself).
    public let loss: String?
    private let source: SourceInput

    /// Nil when the layout is read-only: ianaconv reads it but has no writer for it.
    public init?(of source: SourceInput, registry: Registry) {
        guard let writer = Writers.writer(named: source.reader.name) else { return nil }
        let (canonical, losses) = writer.render(registry)
        self.writer = writer
        self.source = source
        bytes = canonical
        isCanonical = canonical == source.input.bytes
        loss = isCanonical ? nil : Self.lostContent(registry, canonical: canonical, source: source).map { lost in
            (losses.messages(layout: writer.name.uppercased()) + [lost]).joined(separator: "; ")
        }
    }

    /// A unified diff from the file to its canonical form (empty when it is canonical). When
    /// the line ends differ (LF for CRLF, say), that is said in one line, and the diff shows
    /// only the lines that differ in more than their ends.
    public func diff() -> [UInt8] {
        let name = source.input.displayName
        let (ends, canonicalEnds) = (Self.lineEnds(source.input.bytes), Self.lineEnds(bytes))
        guard ends != canonicalEnds else {
            return UnifiedDiff.make(old: source.input.bytes, new: bytes, oldName: name, newName: "\(name) (canonical)")
        }
        let (old, new) = (Self.withLineFeeds(source.input.bytes), Self.withLineFeeds(bytes))
        let only = old == new ? "only " : ""
        let note = Array("\(name): \(only)its line ends differ from the canonical form's: it has \(ends), the canonical form \(canonicalEnds)\n".utf8)
        return note + UnifiedDiff.make(old: old, new: new, oldName: name, newName: "\(name) (canonical)")
    }

    /// The text with every CRLF and lone CR made a LF.
    private static func withLineFeeds(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (i, byte) in bytes.enumerated() {
            if byte == 0x0D {
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { continue }
                out.append(0x0A)
            } else {
                out.append(byte)
            }
        }
        return out
    }

    /// How the text ends its lines, in words.
    private static func lineEnds(_ bytes: [UInt8]) -> String {
        let crlf = zip(bytes, bytes.dropFirst()).count { $0 == 0x0D && $1 == 0x0A }
        let lf = bytes.count { $0 == 0x0A } - crlf
        return switch (crlf > 0, lf > 0) {
        case (true, false): "CRLF"
        case (false, true): "LF"
        case (true, true): "CRLF and LF"
        case (false, false): "no line ends"
        }
    }

    /// What the canonical form loses, or nil when it reads back as the same registry. Writers
    /// report what their layout *might* not carry (a text reflowed into its column); reading
    /// the canonical bytes back and comparing both registries in XML, which carries the whole
    /// model and no source locations, tells whether anything was really lost.
    private static func lostContent(_ registry: Registry, canonical: [UInt8], source: SourceInput) -> String? {
        if let first = registry.unkeptMarkup.first {
            let count = registry.unkeptMarkup.count
            return "the first of \(count == 1 ? "them" : "these \(count)") is on line \(first.line)"
        }
        var ignored: [Diagnostic] = []
        let again: Registry
        do {
            again = try source.reader.read(InputFile(displayName: source.input.displayName, bytes: canonical), diagnostics: &ignored)
        } catch {
            return "the canonical form does not read back: \(error.message)"
        }
        let before = XMLWriter.render(registry).bytes
        let after = XMLWriter.render(again).bytes
        guard before != after else { return nil }
        if registry.records.count != again.records.count {
            return "\(registry.records.count) records would read back as \(again.records.count)"
        }
        let differing = zip(registry.records, again.records).filter { pair in
            XMLWriter.render(Registry(records: [pair.0])).bytes != XMLWriter.render(Registry(records: [pair.1])).bytes
        }
        guard let first = differing.first?.0 else { return "the registry's metadata, people or footnotes would change" }
        let line = first.locations.best(.record).map { ", the first on line \($0.line)" } ?? ""
        return "\(differing.count) record\(differing.count == 1 ? "" : "s") would read back differently\(line)"
    }
}
