import ArgumentParser
import RegistryConversion

/// `--max-input-size`: the most bytes one input may hold, so `/dev/zero` or a runaway pipe
/// stops with a message instead of growing until memory runs out.
struct InputSizeLimit: ParsableArguments {
    @Option(
        name: .customLong("max-input-size"),
        help: ArgumentHelp("The most one input may hold, in bytes or with K, M or G.", valueName: "size"))
    var bytes: ByteCount = ByteCount(FileIO.defaultInputLimit)
}

/// A size on the command line: a number of bytes, or with a K, M or G suffix (powers of 1024).
struct ByteCount: ExpressibleByArgument {
    let value: Int

    init(_ value: Int) { self.value = value }

    init?(argument: String) {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var digits = Substring(argument)
        var unit = 1
        if let last = digits.last?.uppercased().first, let size = units[last] {
            unit = size
            digits = digits.dropLast()
        }
        guard let count = Int(digits), count > 0 else { return nil }
        let (value, overflow) = count.multipliedReportingOverflow(by: unit)
        guard !overflow else { return nil }
        self.value = value
    }

    var defaultValueDescription: String { "\(value >> 20)M" }
}
