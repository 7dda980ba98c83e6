#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import RegistryModel
import RegistryReaders
import RegistryWriters

struct Fmt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite registry files in the canonical form of their own layout.",
        discussion: """
            Each file is read with its layout's reader (detected from the content unless --from \
            names it) and written back with the same layout's writer, atomically and keeping its \
            mode. Files already canonical are not touched; a file that cannot be read is left as \
            it is. A file whose canonical form would lose something is not rewritten. IANA's \
            CSV is canonical as IANA publishes it. '-' reads standard input and writes the \
            canonical form to standard output.

            With --check nothing is written: files not in canonical form are shown as a unified \
            diff on stdout (for a pre-commit hook or CI).

            Exit codes: 0 all files canonical (or rewritten); 1 with --check, files not \
            canonical; a file not rewritten because it would lose something; 2 usage error, \
            unreadable input, a read-only layout or a write failure.
            """
    )

    @Argument(help: "Registry files; '-' reads standard input and writes standard output.")
    var files: [String] = []

    @Option(help: "The layout of the files (\(Writers.names.joined(separator: ", "))), or 'auto' to detect it.")
    var from = "auto"

    @Flag(help: "Change nothing: print a unified diff of each file not in canonical form, and exit 1 if there is one.")
    var check = false

    func validate() throws {
        guard from.lowercased() == "auto" || Readers.reader(named: from) != nil else {
            throw ValidationError("unknown layout '\(from)'; use one of: auto, \(Writers.names.joined(separator: ", "))")
        }
    }

    /// What happened to one file.
    enum Outcome {
        case canonical, rewritten, notCanonical, lossy, failed
    }

    func run() throws {
        var seen: Set<String> = []
        let paths = (files.isEmpty ? ["-"] : files).filter { seen.insert($0).inserted }
        var outcomes: [Outcome] = []
        for path in paths {
            do {
                outcomes.append(try format(path))
            } catch let failure as CommandFailure {
                standardError.write("\(failure.message)\n")
                outcomes.append(.failed)
            }
        }
        let count = { (outcome: Outcome) in outcomes.filter { $0 == outcome }.count }
        if !(paths == ["-"] && !check) { standardError.write(summary(count) + "\n") }
        let code: Int32 = count(.failed) > 0 ? 2 : count(.notCanonical) + count(.lossy) > 0 ? 1 : 0
        finishProcess(code: code)
    }

    /// Reads one file, renders its canonical form and compares, rewrites or prints.
    private func format(_ path: String) throws -> Outcome {
        let name = RegistryInput.displayName(path)
        let (input, reader, registry) = try RegistryInput.readOne(path, layout: from)
        guard let writer = Writers.writer(named: reader.name) else {
            throw CommandFailure(message: "\(name): error: the \(reader.name) layout is read-only: ianaconv reads it but cannot write it back; convert it instead, e.g. 'ianaconv \(reader.name) xml \(name) -o registry.xml'")
        }
        let (canonical, losses) = writer.render(registry)
        let isCanonical = canonical == input.bytes
        let lost = isCanonical ? nil : lostContent(registry, canonical: canonical, reader: reader, name: name)
        let what = lost.map { (losses.messages(layout: writer.name.uppercased()) + [$0]).joined(separator: "; ") }
        if path == "-" && !check {
            // A filter (an editor's format command) always gets its output, as from convert.
            if let what { standardError.write("\(name): warning: the canonical \(writer.name.uppercased()) form loses content (\(what))\n") }
            try OutputTarget(nil).write(canonical, inputs: [])
            return .rewritten
        }
        if isCanonical { return .canonical }
        if let what {
            if !check {
                standardError.write("\(name): error: not rewritten: its canonical \(writer.name.uppercased()) form would lose content (\(what)); edit it by hand, or convert it to XML, which carries everything\n")
                return .lossy
            }
            standardError.write("\(name): warning: its canonical \(writer.name.uppercased()) form would lose content (\(what)); 'ianaconv fmt' will not rewrite it\n")
        }
        if check {
            try OutputTarget(nil).write(UnifiedDiff.make(old: input.bytes, new: canonical, oldName: name, newName: "\(name) (canonical)"), inputs: [])
            return .notCanonical
        }
        do {
            try FileIO.writeAtomically([canonical], to: FileIO.resolvingLinks(path))
        } catch {
            throw CommandFailure(message: "\(name): error: cannot write: \(error.reason); the file is unchanged")
        }
        standardError.write("\(name): rewritten in canonical \(writer.name.uppercased()) form\n")
        return .rewritten
    }

    /// What the canonical form loses, or nil when it reads back as the same registry. Writers
    /// report what their layout *might* not carry (a text reflowed into its column); reading
    /// the canonical bytes back and comparing both registries in XML, which carries the whole
    /// model and no source locations, tells whether anything was really lost.
    private func lostContent(_ registry: Registry, canonical: [UInt8], reader: any RegistryReader.Type, name: String) -> String? {
        var ignored: [Diagnostic] = []
        let again: Registry
        do {
            again = try reader.read(InputFile(displayName: name, bytes: canonical), diagnostics: &ignored)
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

    private func summary(_ count: (Outcome) -> Int) -> String {
        var parts: [String] = []
        func add(_ n: Int, _ what: String) { if n > 0 { parts.append("\(n) \(what)") } }
        add(count(.rewritten), "rewritten")
        add(count(.canonical), "already canonical")
        add(count(.notCanonical), "not canonical")
        add(count(.lossy), "not rewritten (would lose content)")
        add(count(.failed), "unreadable or not written")
        let total = count(.rewritten) + count(.canonical) + count(.notCanonical) + count(.lossy) + count(.failed)
        return "\(parts.joined(separator: ", ")) (\(total) file\(total == 1 ? "" : "s"))"
    }
}
