import ArgumentParser

/// Long lists of files parsed in linear time. ArgumentParser copies a repeated argument's
/// array, and the set of where its values came from, for every value it appends: 32,000 file
/// names took 32 s. A long command line is handed to it with each run of operands cut short,
/// their tail replaced by one placeholder, and the command's list is filled in afterwards.
enum OperandRuns {
    /// Command lines up to this long are parsed as they are.
    static let threshold = 256

    /// Tokens of a run kept for ArgumentParser: an option's value, a command name and a
    /// conversion's two layouts may stand before the files.
    static let kept = 4

    /// The arguments with each run of operands (tokens not starting with '-', '-' itself, all
    /// after '--') past its first `kept` replaced by a placeholder, and the runs cut out.
    static func compact(_ arguments: [String]) -> (arguments: [String], runs: [[String]]) {
        guard arguments.count > threshold else { return (arguments, []) }
        var out: [String] = []
        var runs: [[String]] = []
        var run: [String] = []
        var afterTerminator = false
        func endRun() {
            out.append(contentsOf: run.prefix(kept))
            if run.count > kept {
                out.append(placeholder(runs.count))
                runs.append(Array(run.dropFirst(kept)))
            }
            run = []
        }
        for token in arguments {
            if afterTerminator || !token.hasPrefix("-") || token == "-" {
                run.append(token)
            } else {
                endRun()
                out.append(token)
                afterTerminator = token == "--"
            }
        }
        endRun()
        return (out, runs)
    }

    /// The command with its operands' placeholders replaced by the runs they stand for.
    static func expand(_ command: any ParsableCommand, _ runs: [[String]]) -> any ParsableCommand {
        guard !runs.isEmpty, var listing = command as? any ParsableCommand & OperandList else { return command }
        listing.operands = listing.operands.flatMap { operand -> [String] in
            guard operand.hasPrefix(marker), let index = Int(operand.dropFirst()), runs.indices.contains(index) else {
                return [operand]
            }
            return runs[index]
        }
        return listing
    }

    /// No file name holds a NUL byte.
    private static let marker = "\u{0}"

    private static func placeholder(_ index: Int) -> String { marker + String(index) }
}

/// A command whose files are its operands.
protocol OperandList {
    var operands: [String] { get set }
}
