import RegistryModel
import RegistryValidation

/// The rules of both kinds on inputs as they are read. An input's source rules start on a
/// thread of their own as soon as its bytes are loaded (`RegistryInput` starts them): they read
/// the bytes again (the schema check, with libxml2's validating reader), and are usually done
/// by the time the reader is. The model rules then share the cores: rules are independent of
/// each other, and timed with a clock they were a third of a validation.
public final class ValidationRun {
    public let options: ValidationOptions
    private var sourceChecks: [BackgroundThread<[Finding]>] = []

    public init(options: ValidationOptions = .init()) {
        self.options = options
    }

    /// Starts the source rules that know the input's layout; nothing when none does.
    func start(_ source: SourceInput) {
        let rules = Validator.sourceRules(for: source.reader, options: options)
        guard !rules.isEmpty else { return }
        let options = options
        sourceChecks.append(BackgroundThread { Validator.validate(source, options: options, rules: rules) })
    }

    /// What the source rules found in the inputs loaded so far: all there is to say of an
    /// input the reader could not take (the schema's findings usually say why).
    public func sourceFindings() -> [Finding] {
        sourceChecks.flatMap { $0.wait() }.sorted(by: Finding.reportOrder)
    }

    /// Every finding: the model rules' on the registry read, and the source rules'.
    public func findings(for registry: Registry) -> [Finding] {
        let input = ValidationInput(registry: registry)
        let options = options
        let model = InParallel.map(Rules.model, threads: InParallel.cores) { rule in
            Validator.validate(input, options: options, rules: [rule])
        }
        return (model.joined() + sourceFindings()).sorted(by: Finding.reportOrder)
    }
}
