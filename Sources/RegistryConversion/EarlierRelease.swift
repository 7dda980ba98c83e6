import RegistryReaders

/// The release a registry file is judged against (`validate --against`): another file, or
/// `git:REV`, the same file at a revision of the git repository it is in.
public enum EarlierRelease: Sendable, Equatable {
    case file(String)
    case git(revision: String)

    public init(_ argument: String) {
        self = argument.hasPrefix("git:") ? .git(revision: String(argument.dropFirst(4))) : .file(argument)
    }

    /// The earlier release of the file at `path`; nil when the file did not exist at that
    /// revision, so that every record of it is new.
    public func load(for path: String) throws(ReadError) -> InputFile? {
        switch self {
        case .file(let other):
            return try RegistryInput.load(other, index: 0)
        case .git(let revision):
            return try Self.load(path, at: revision)
        }
    }

    /// A file's blob at a revision, asked of git in the file's own folder (`REV:./NAME`), so
    /// that it works from anywhere in the repository and in the hook's working directory.
    private static func load(_ path: String, at revision: String) throws(ReadError) -> InputFile? {
        let name = "git:\(revision):\(path)"
        guard path != "-" else {
            throw ReadError(file: "<stdin>", message: "--against git:\(revision) needs the file's path, not standard input")
        }
        guard !revision.isEmpty, !revision.hasPrefix("-") else {
            throw ReadError(file: name, message: "name a revision after 'git:', as in git:HEAD")
        }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? "./"
        let file = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let commit = try git(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"], in: folder, name: name)
        guard commit.succeeded else {
            throw ReadError(file: name, message: "not a revision of the git repository holding \(path)\(commit.says)")
        }
        let blob = "\(revision):./\(file)"
        guard try git(["cat-file", "-e", blob], in: folder, name: name).succeeded else { return nil }
        let content = try git(["cat-file", "blob", blob], in: folder, name: name)
        guard content.succeeded else { throw ReadError(file: name, message: "git cannot show it\(content.says)") }
        return InputFile(displayName: name, bytes: content.output)
    }

    /// Runs git in `folder`; what it said, for a message: ` (git: fatal: …)`, or nothing.
    private static func git(_ arguments: [String], in folder: String, name: String) throws(ReadError) -> GitResult {
        do {
            let result = try ChildProcess.run(["git", "-C", folder] + arguments)
            let said = String(decoding: result.error, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
            return GitResult(succeeded: result.exitCode == 0, output: result.output, says: said.isEmpty ? "" : " (git: \(said))")
        } catch {
            throw ReadError(file: name, message: "cannot run git: \(error.reason)")
        }
    }

    private struct GitResult {
        var succeeded: Bool
        var output: [UInt8]
        var says: String
    }
}
