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

    /// A unified diff from the file to its canonical form (empty when it is canonical).
    public func diff() -> [UInt8] {
        let name = source.input.displayName
        return UnifiedDiff.make(old: source.input.bytes, new: bytes, oldName: name, newName: "\(name) (canonical)")
    }

    /// What the canonical form loses, or nil when it reads back as the same registry. Writers
    /// report what their layout *might* not carry (a text reflowed into its column); reading
    /// the canonical bytes back and comparing both registries in XML, which carries the whole
    /// model and no source locations, tells whether anything was really lost.
    private static func lostContent(_ registry: Registry, canonical: [UInt8], source: SourceInput) -> String? {
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
