import ArgumentParser
import RegistryConversion

/// The files `validate` and `fmt` take, each read on its own, and their layout.
struct RegistryFiles: ParsableArguments {
    @Argument(help: "Registry files; '-' reads standard input.")
    var files: [String] = []

    @Option(help: "The layout of the files, or 'auto' to detect it.")
    var from: InputLayout = .detected

    @OptionGroup var sizeLimit: InputSizeLimit

    /// The files named, each once, in order; standard input when none is.
    var paths: [String] {
        var seen: Set<String> = []
        return (files.isEmpty ? ["-"] : files).filter { seen.insert($0).inserted }
    }
}

/// A command that reads registry files (validate, fmt): its operands are the files.
protocol RegistryFilesCommand: OperandList {
    var registryFiles: RegistryFiles { get set }
}

extension RegistryFilesCommand {
    var operands: [String] {
        get { registryFiles.files }
        set { registryFiles.files = newValue }
    }
}
