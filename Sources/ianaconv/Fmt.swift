import ArgumentParser
import RegistryConversion

struct Fmt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite registry files in the canonical form of their own layout.",
        discussion: """
            Each file is read with its layout's reader (detected from the content unless --from \
            names it) and written back with the same layout's writer, atomically and keeping its \
            owner, group, mode and extended attributes (ACLs); a file with other hard links, or \
            whose owner or attributes ianaconv cannot give a new file, is rewritten in place \
            instead, and a file changed by another program meanwhile is not rewritten. Files already canonical are not touched; a file that cannot be read is left as \
            it is. A file whose canonical form would lose something is not rewritten. IANA's \
            CSV of every era is canonical as IANA published it: a CSV is written back in the rule \
            of the era that wrote it. '-' reads standard input and writes the \
            canonical form to standard output.

            With --check nothing is written: files not in canonical form are shown as a unified \
            diff on stdout (for a pre-commit hook or CI); with --list, as gofmt -l, only their \
            names, one a line.

            Exit codes: 0 all files canonical (or rewritten); 1 with --check, files not \
            canonical; a file not rewritten because it would lose something; 2 usage error, \
            unreadable input, a read-only layout or a write failure.
            """
    )

    @OptionGroup var registryFiles: RegistryFiles

    @Flag(help: "Change nothing: print a unified diff of each file not in canonical form, and exit 1 if there is one.")
    var check = false

    @Flag(help: "Change nothing: print only the names of the files not in canonical form, one a line (implies --check).")
    var list = false

    /// What happened to one file.
    enum Outcome {
        case canonical, rewritten, notCanonical, lossy, failed
    }

    func run() throws {
        let paths = registryFiles.paths
        announceStandardInput(paths)
        var outcomes: [Outcome] = []
        for path in paths {
            do {
                outcomes.append(try format(path))
            } catch {
                // A CommandFailure or a ReadError: either prints as its message.
                standardError.write("\(error)\n")
                outcomes.append(.failed)
            }
        }
        let count = { (outcome: Outcome) in outcomes.filter { $0 == outcome }.count }
        if !(paths == ["-"] && !check && !list) { standardError.write(summary(count) + "\n") }
        let code: Int32 = count(.failed) > 0 ? 2 : count(.notCanonical) + count(.lossy) > 0 ? 1 : 0
        finishProcess(code: code)
    }

    /// Reads one file, renders its canonical form and compares, rewrites or prints.
    private func format(_ path: String) throws -> Outcome {
        let name = RegistryInput.displayName(path)
        // Taken before reading: an edit saved from now on makes the rewrite refuse.
        let snapshot = FileIO.snapshot(of: path)
        let (source, registry) = try RegistryInput(layout: registryFiles.from, sizeLimit: registryFiles.sizeLimit.bytes.value, notice: printNotice).readOne(path)
        let reader = source.reader
        guard let canonical = CanonicalForm(of: source, registry: registry) else {
            throw CommandFailure(message: "\(name): error: the \(reader.name) layout is read-only: ianaconv reads it but cannot write it back; convert it instead, e.g. 'ianaconv \(reader.name) xml \(name) -o registry.xml'")
        }
        let layout = canonical.writer.name.uppercased()
        let check = self.check || list
        if path == "-" && !check {
            // A filter (an editor's format command) always gets its output, as from convert.
            if let loss = canonical.loss { standardError.write("\(name): warning: the canonical \(layout) form loses content (\(loss))\n") }
            try OutputTarget(nil).write(canonical.bytes, inputs: [])
            return .rewritten
        }
        if canonical.isCanonical { return .canonical }
        if let loss = canonical.loss {
            if !check {
                standardError.write("\(name): error: not rewritten: its canonical \(layout) form would lose content (\(loss)); edit it by hand, or convert it to XML, which carries everything\n")
                return .lossy
            }
            standardError.write("\(name): warning: its canonical \(layout) form would lose content (\(loss)); 'ianaconv fmt' will not rewrite it\n")
        }
        if check {
            try OutputTarget(nil).write(list ? Array("\(name)\n".utf8) : canonical.diff(), inputs: [])
            return .notCanonical
        }
        let inPlace: String?
        do {
            inPlace = try FileIO.write([canonical.bytes], to: path, unchangedSince: snapshot)
        } catch {
            throw CommandFailure(message: "\(name): error: cannot write: \(error.reason); the file is unchanged")
        }
        let how = inPlace.map { " (in place, not replaced atomically: \($0))" } ?? ""
        standardError.write("\(name): rewritten in canonical \(layout) form\(how)\n")
        return .rewritten
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

extension Fmt: RegistryFilesCommand {}
