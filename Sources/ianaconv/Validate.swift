import ArgumentParser
import RegistryConversion
import RegistryDiff
import RegistryModel
import RegistryReaders
import RegistryValidation

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",  // named here: deriving it from the type name costs start-up time
        abstract: "Check registry files against RFC 6335 and the registry's consistency rules.",
        discussion: """
            Each file is read (its layout detected from the content unless --from names it) and \
            checked on its own, so the output does not depend on how files are batched: fit for \
            a pre-commit hook. Files are never written. XML is also checked against the \
            registry's RELAX NG schema. Findings go to stdout (sorted by file, line and column), \
            the summary to stderr. 'ianaconv rules' lists the rules.

            With --against, each file is judged by what changed since an earlier release: \
            OLD is a file, or git:REV for the same file at a git revision (git:HEAD in a \
            pre-commit hook). Records added or changed are checked as new registrations, \
            strictly (as with --strict, and an added name gets no legacy exemption); only their \
            findings fail the run. Findings on the other records are counted, and --all lists \
            them.

            Settings can be kept in a .ianaconv.yml file, found from each file's folder \
            upwards: disable (rule ids), severity (rule: error, warning, info or off), \
            baseline, min-severity and against. The command line overrides it.

            Exit codes: 0 no errors; 1 errors (warnings too with --strict); 2 usage error or \
            unreadable input.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif
    }

    @OptionGroup var registryFiles: RegistryFiles

    @Flag(help: "Warnings become errors, and strict-only rules run (for new registrations).")
    var strict = false

    @Option(help: "Output format: text, json or sarif.")
    var format: Format = .text

    @Option(help: "Accept the findings recorded in this baseline file; only new ones are reported.")
    var baseline: String?

    @Option(help: "Record every current finding in this baseline file (written atomically) and succeed.")
    var writeBaseline: String?

    @Option(help: ArgumentHelp(
        "Judge what changed since this release: a file, or git:REV for each file at a git revision.",
        valueName: "old"))
    var against: String?

    @Flag(help: "With --against: also list the findings on records the change does not touch.")
    var all = false

    @Option(
        name: .customLong("disable"), help: ArgumentHelp("Turn a rule off (repeatable).", valueName: "rule"),
        completion: .list(Rules.ids))
    var disabled: [String] = []

    @Option(
        name: .customLong("severity"),
        help: ArgumentHelp("Change a rule's severity: error, warning, info or off (repeatable).", valueName: "rule=level"),
        completion: .list(Rules.ids.map { $0 + "=" }))
    var severities: [String] = []

    @Option(help: ArgumentHelp("Report only findings of this severity or above: error, warning or info.", valueName: "level"))
    var minSeverity: Severity?

    @Flag(name: .shortAndLong, help: "Report errors only, and the summary only when something failed.")
    var quiet = false

    func validate() throws {
        _ = try CommandLineRules(disable: disabled, severity: severities)
        // Writing records every current finding: a baseline read as well would change nothing.
        if baseline != nil, writeBaseline != nil {
            throw ValidationError("--baseline and --write-baseline do not go together: --write-baseline records every current finding; to update a baseline, write it again")
        }
    }

    func run() throws {
        let rules = try CommandLineRules(disable: disabled, severity: severities)
        let configurations = ConfigurationLookup()
        let paths = registryFiles.paths
        announceStandardInput(paths)
        var files: [Report.File] = []
        var shown: [Report.File] = []
        var baselines: [String: String] = [:]  // file shown → its baseline
        var untouched = 0
        var unreadable: [Report.Unreadable] = []
        var registries: [Registry] = []  // kept to the end: the process exits without freeing them
        for path in paths {
            let name = RegistryInput.displayName(path)
            let settings = try self.settings(for: path, rules: rules, configurations: configurations)
            do {
                let (every, registry, changed) = try check(path, settings)
                registries.append(registry)
                let findings = every.filter { $0.severity >= settings.minimumSeverity ?? .info }
                let judged = changed.map { changed in findings.filter(changed.covers) } ?? findings
                untouched += findings.count - judged.count
                files.append(Report.File(path: name, findings: judged))
                shown.append(Report.File(path: name, findings: all ? findings : judged))
                baselines[name] = settings.baseline
            } catch {
                standardError.write("\(error.message)\n")
                unreadable.append(Report.Unreadable(file: name, message: error.message))
            }
        }
        // Name order before the baseline uses up its counts: the result must not depend on the
        // order of the command line.
        files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        if let writeBaseline {
            // A partial baseline would accept too little: the files that could not be read
            // have findings it does not hold.
            guard unreadable.isEmpty else {
                throw CommandFailure(message: "\(writeBaseline): error: baseline not written: \(unreadable.count) file\(unreadable.count == 1 ? "" : "s") could not be read")
            }
            let all = files.flatMap { $0.findings }
            try write(Baseline(accepting: all).json, to: writeBaseline, inputs: paths)
            standardError.write("\(writeBaseline): baseline of \(all.count) finding\(all.count == 1 ? "" : "s") written\n")
            throw ExitCode(0)
        }
        var accepted = 0
        var matchers: [String: Baseline.Matcher] = [:]
        files = try files.map { file in
            guard let baseline = baselines[file.path] else { return file }
            if matchers[baseline] == nil { matchers[baseline] = try loadBaseline(baseline).matcher() }
            return Report.File(path: file.path, findings: file.findings.filter { finding in
                let isAccepted = matchers[baseline]!.accepts(finding)
                if isAccepted { accepted += 1 }
                return !isAccepted
            })
        }
        let report = Report(files: files, accepted: accepted, unreadable: unreadable, untouched: all ? 0 : untouched)
        let listed = all ? Report(files: shown, accepted: accepted, unreadable: unreadable) : report
        let output: [UInt8] = switch format {
        case .text: TextReporter.render(listed)
        case .json: JSONReporter.render(listed)
        case .sarif: SARIFReporter.render(listed, toolVersion: Version.number, sourceRoot: currentDirectory())
        }
        try OutputTarget(nil).write(output, inputs: [])
        let failed = !unreadable.isEmpty || report.count(.error) > 0
        if !quiet || failed { standardError.write(report.summary + "\n") }
        finishProcess(code: !unreadable.isEmpty ? 2 : report.count(.error) > 0 ? 1 : 0)
    }

    /// The file's configuration with the command line over it; a configuration that cannot be
    /// used stops the run (exit 2).
    private func settings(
        for path: String, rules: CommandLineRules, configurations: ConfigurationLookup
    ) throws -> ValidationSettings {
        let configuration: ValidationConfiguration
        do {
            configuration = try configurations.configuration(for: path) ?? ValidationConfiguration()
        } catch {
            throw CommandFailure(message: error.description)
        }
        let against = self.against ?? configuration.against
        if all, against == nil { throw ValidationError("--all goes with --against (or against: in \(ValidationConfiguration.fileName))") }
        let (disabled, severities) = rules.over(configuration)
        let minimum = quiet ? .error : minSeverity ?? configuration.minimumSeverity
        // Against an earlier release, what a change adds is judged as a new registration.
        return ValidationSettings(
            options: ValidationOptions(strict: strict || against != nil, disabled: disabled, severities: severities),
            against: against, baseline: baseline ?? configuration.baseline, minimumSeverity: minimum)
    }

    /// Reads one file and runs the rules of both kinds on it; with --against, judged against
    /// the earlier release, whose records the change did not touch are returned apart. An
    /// input the reader cannot take still gets its source rules' findings (the schema's usually
    /// say why).
    private func check(
        _ path: String, _ settings: ValidationSettings
    ) throws(CommandFailure) -> ([Finding], Registry, ChangedRecords?) {
        let validation = ValidationRun(options: settings.options)
        do {
            let (source, registry) = try RegistryInput(
                layout: registryFiles.from, validation: validation, sizeLimit: registryFiles.sizeLimit.bytes.value,
                notice: notices(quiet: quiet)
            ).readOne(path)
            guard let against = settings.against else { return (validation.findings(for: registry), registry, nil) }
            let changes = try changes(to: registry, read: source, since: EarlierRelease(against), path: path)
            return (validation.findings(for: registry, changes: changes), registry, ChangedRecords(registry, changes: changes))
        } catch {
            let lines = validation.sourceFindings().map { TextReporter.line($0, path: RegistryInput.displayName(path)) }
            throw CommandFailure(message: (lines + [error.description]).joined(separator: "\n"))
        }
    }

    /// What became of each record since the earlier release; every record is new when the
    /// file did not exist then.
    private func changes(
        to registry: Registry, read source: SourceInput, since release: EarlierRelease, path: String
    ) throws(ReadError) -> [RecordStatus] {
        guard let old = try release.load(for: path) else {
            return Array(repeating: .added, count: registry.records.count)
        }
        // The earlier release may be in any layout: its own is detected.
        let (oldSource, oldRegistry) = try RegistryInput(layout: .detected, notice: printNotice).read(old)
        let scope = DiffScope(old: .of(layout: oldSource.reader.name), new: .of(layout: source.reader.name))
        return RegistryChanges(from: oldRegistry, to: registry, scope: scope).statusOfNew
    }

    private func loadBaseline(_ path: String) throws -> Baseline {
        do {
            return try Baseline(json: try FileIO.readFile(path))
        } catch let error as FileIO.Error {
            throw CommandFailure(message: "\(path): error: cannot read the baseline: \(error.reason)")
        } catch {
            throw CommandFailure(message: "\(path): error: not a baseline written by --write-baseline: \(error)")
        }
    }

    private func write(_ bytes: [UInt8], to path: String, inputs: [String]) throws {
        try OutputTarget(path).write(bytes, inputs: inputs)
    }
}

extension Validate: RegistryFilesCommand {}
/// `--min-severity` takes the levels by name.
extension Severity: ExpressibleByArgument {}
